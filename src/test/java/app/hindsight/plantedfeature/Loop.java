package app.hindsight.plantedfeature;

import app.hindsight.plantedpeer.Peer;

/** One half of a package cycle: plantedfeature uses plantedpeer, which uses plantedfeature. */
public class Loop {

    public int size(Peer peer) {
        return peer.name().length();
    }
}
