package app.hindsight.plantedfeature;

import app.hindsight.shared.NotFound;

/** Breaks no rule: the shared package is open to every feature. */
public class Clean {

    public RuntimeException missing(String key) {
        return new NotFound("planted", key);
    }
}
