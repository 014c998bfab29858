package app.hindsight.plantedfeature;

import app.hindsight.plantedfeature.inner.UsesItsFeature;

/** Uses its subpackage, which uses this package back: reported by the rules inside a feature only. */
public class UsesItsPart {

    public RuntimeException missing(String key) {
        return new UsesItsFeature().missing(key);
    }
}
