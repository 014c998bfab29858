package app.hindsight.prediction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transition from every status, allowed or refused, without Quarkus. */
class StatusMachineTest {

    /** The machine as src/docs/api.md draws it: from, transition, to (before dueAt; after it, see below). */
    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of(Status.OPEN, Transition.FLAG_DUE, Status.DUE),
                Arguments.of(Status.OPEN, Transition.RESOLVE, Status.RESOLVED),
                Arguments.of(Status.DUE, Transition.RESOLVE, Status.RESOLVED),
                Arguments.of(Status.DUE, Transition.DEFER, Status.OPEN),
                Arguments.of(Status.RESOLVED, Transition.REOPEN, Status.OPEN),
                Arguments.of(Status.OPEN, Transition.WITHDRAW, Status.WITHDRAWN),
                Arguments.of(Status.DUE, Transition.WITHDRAW, Status.WITHDRAWN),
                Arguments.of(Status.WITHDRAWN, Transition.RESTORE, Status.OPEN));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void allowedTransitionLeadsWhereTheMachineSays(Status from, Transition transition, Status to) {
        assertTrue(StatusMachine.allows(from, transition));
        assertEquals(to, StatusMachine.next(from, transition, false));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Transition.class,
            names = {"REOPEN", "RESTORE"})
    void takenUpAgainAfterDueAtIsDueAtOnce(Transition transition) {
        Status from = transition == Transition.REOPEN ? Status.RESOLVED : Status.WITHDRAWN;
        assertEquals(Status.DUE, StatusMachine.next(from, transition, true));
        assertEquals(Status.OPEN, StatusMachine.next(from, transition, false));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Transition.class,
            names = {"FLAG_DUE", "RESOLVE", "DEFER", "WITHDRAW"})
    void whetherDueAtPassedChangesNothingElse(Transition transition) {
        for (Status from : Status.values()) {
            if (StatusMachine.allows(from, transition)) {
                assertEquals(StatusMachine.next(from, transition, false), StatusMachine.next(from, transition, true));
            }
        }
    }

    static Stream<Arguments> refused() {
        Set<List<Object>> allowed = new java.util.HashSet<>();
        allowed().forEach(a -> allowed.add(List.of(a.get()[0], a.get()[1])));
        List<Arguments> refused = new ArrayList<>();
        for (Status from : Status.values()) {
            for (Transition t : Transition.values()) {
                if (!allowed.contains(List.of(from, t))) {
                    refused.add(Arguments.of(from, t));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} cannot {1}")
    @MethodSource("refused")
    void anyOtherTransitionIsRefusedNamingTheStatus(Status from, Transition transition) {
        assertFalse(StatusMachine.allows(from, transition));
        TransitionRefused refused =
                assertThrows(TransitionRefused.class, () -> StatusMachine.next(from, transition, false));
        assertEquals(from, refused.current());
        assertEquals("cannot " + transition.action() + " a prediction whose status is " + from, refused.getMessage());
    }

    @Test
    void sixteenOfTheTwentyFourPairsAreRefused() {
        assertEquals(
                Status.values().length * Transition.values().length - 8,
                refused().count());
    }

    @Test
    void resolvedAndWithdrawnAreEndsUntilAPersonTakesThemUpAgain() {
        for (Status end : EnumSet.of(Status.RESOLVED, Status.WITHDRAWN)) {
            List<Transition> out = Stream.of(Transition.values())
                    .filter(t -> StatusMachine.allows(end, t))
                    .toList();
            assertEquals(List.of(end == Status.RESOLVED ? Transition.REOPEN : Transition.RESTORE), out);
        }
    }

    @Test
    void theActionsReadAsTheProblemDocumentSaysThem() {
        assertEquals("flag as due", Transition.FLAG_DUE.action());
        assertEquals("resolve", Transition.RESOLVE.action());
        assertEquals("defer", Transition.DEFER.action());
    }
}
