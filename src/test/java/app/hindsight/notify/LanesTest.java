package app.hindsight.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The node's lanes: room per subscription and in all, given back as attempts end; plain JUnit. */
class LanesTest {

    @Test
    void aLaneTakesAtMostItsShareAndNoMoreUntilPlacesAreGivenBack() {
        Lanes lanes = new Lanes(4, 64);
        assertEquals(4, lanes.reserve(1));
        assertEquals(0, lanes.reserve(1), "the lane is full");
        lanes.release(1, 1);
        assertEquals(1, lanes.reserve(1), "one attempt ended: one place");
        lanes.release(1, 4);
        assertEquals(4, lanes.reserve(1));
    }

    @Test
    void theNodeLimitHoldsAcrossLanesAndAFullLaneLeavesTheOthersTheirRoom() {
        Lanes lanes = new Lanes(4, 10);
        assertEquals(4, lanes.reserve(1));
        assertEquals(4, lanes.reserve(2));
        assertEquals(2, lanes.reserve(3), "what is left of the node's ten");
        assertEquals(0, lanes.reserve(4));
        lanes.release(2, 3);
        assertEquals(3, lanes.reserve(4));
        assertEquals(0, lanes.reserve(1));
    }

    @Test
    void unusedPlacesGoBackToTheNode() {
        Lanes lanes = new Lanes(4, 4);
        assertEquals(4, lanes.reserve(1));
        lanes.release(1, 3); // the lane had one delivery due
        assertEquals(3, lanes.reserve(2));
    }

    @Test
    void eachRoundStartsAtTheNextLaneSoTheNodeLimitFavoursNone() {
        Lanes lanes = new Lanes(4, 64);
        List<Integer> firsts = new ArrayList<>();
        for (int round = 0; round < 7; round++) {
            firsts.add(lanes.firstOf(3));
        }
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), firsts);
        assertEquals(0, lanes.firstOf(0), "no lanes");
    }
}
