package app.hindsight.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attempts under way on this node, per subscription (its lane) and in all. A lane holds at most
 * {@code perLane} attempts and the node at most {@code total}, so a slow or dead receiver fills its own lane and the
 * others keep going. The lanes are the node's, not a round's: a round that ends while attempts are under way leaves
 * them in their lanes, so the next round does not overfill a slow receiver's lane. Thread-safe.
 */
final class Lanes {

    private final int perLane;
    private final int total;
    private final Map<Long, Integer> inLane = new HashMap<>();
    private int underWay;
    /** Which lane is offered room first, so that the node-wide limit favours no subscription. */
    private final AtomicInteger first = new AtomicInteger();

    Lanes(int perLane, int total) {
        this.perLane = perLane;
        this.total = total;
    }

    /** Takes every free place in this lane that the node has room for; returns how many. */
    synchronized int reserve(long lane) {
        int taken = inLane.getOrDefault(lane, 0);
        int room = Math.min(perLane - taken, total - underWay);
        if (room <= 0) {
            return 0;
        }
        inLane.put(lane, taken + room);
        underWay += room;
        return room;
    }

    /** Gives back places taken by {@link #reserve}: unused ones, or one whose attempt has ended. */
    synchronized void release(long lane, int places) {
        int left = inLane.getOrDefault(lane, 0) - places;
        if (left > 0) {
            inLane.put(lane, left);
        } else {
            inLane.remove(lane);
        }
        underWay -= places;
    }

    /** Where a round that looks at {@code lanes} lanes starts: one further each time. */
    int firstOf(int lanes) {
        return lanes == 0 ? 0 : Math.floorMod(first.getAndIncrement(), lanes);
    }
}
