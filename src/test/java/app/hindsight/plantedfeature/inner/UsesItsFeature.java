package app.hindsight.plantedfeature.inner;

import app.hindsight.plantedfeature.Clean;

/** With {@link app.hindsight.plantedfeature.UsesItsPart}, a cycle inside a feature: its package and a subpackage. */
public class UsesItsFeature {

    public RuntimeException missing(String key) {
        return new Clean().missing(key);
    }
}
