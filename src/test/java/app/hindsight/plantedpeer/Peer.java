package app.hindsight.plantedpeer;

import app.hindsight.plantedfeature.Loop;

/** The other half of the planted cycle (see {@code plantedfeature}). */
public record Peer(String name) {

    public int measuredBy(Loop loop) {
        return loop.size(this);
    }
}
