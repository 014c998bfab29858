package app.hindsight.plantedfeature;

import app.hindsight.web.ETags;

/** Domain code using the web package's helpers. */
public class WebHelperLeak {

    public String tag(long version) {
        return ETags.of(version);
    }
}
