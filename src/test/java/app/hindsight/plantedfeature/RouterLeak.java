package app.hindsight.plantedfeature;

import io.vertx.ext.web.RoutingContext;

/** Domain code reading the router's request. */
public class RouterLeak {

    public String path(RoutingContext context) {
        return context.normalizedPath();
    }
}
