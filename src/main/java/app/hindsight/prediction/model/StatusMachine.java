package app.hindsight.prediction.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which transition is allowed from which status, and where it leads:
 *
 * <pre>
 * OPEN --(scheduler: nextReviewOn reached)--> DUE
 * OPEN, DUE --resolve--> RESOLVED            (early resolution is allowed)
 * DUE --defer(until)--> OPEN                 (target unchanged; nextReviewOn = until)
 * RESOLVED --reopen--> OPEN or DUE           (DUE when dueAt has passed)
 * OPEN, DUE --withdraw--> WITHDRAWN --restore--> OPEN or DUE
 * </pre>
 *
 * Anything else is refused. Plain code: the dates that go with a transition are {@link DueDates}' business.
 */
public final class StatusMachine {

    private static final Map<Transition, Set<Status>> FROM = new EnumMap<>(Map.of(
            Transition.FLAG_DUE, EnumSet.of(Status.OPEN),
            Transition.RESOLVE, EnumSet.of(Status.OPEN, Status.DUE),
            Transition.DEFER, EnumSet.of(Status.DUE),
            Transition.REOPEN, EnumSet.of(Status.RESOLVED),
            Transition.WITHDRAW, EnumSet.of(Status.OPEN, Status.DUE),
            Transition.RESTORE, EnumSet.of(Status.WITHDRAWN)));

    private StatusMachine() {}

    public static boolean allows(Status from, Transition transition) {
        return FROM.get(transition).contains(from);
    }

    /**
     * The status {@code transition} leads to from {@code from}; {@code duePassed} (dueAt has come) decides between
     * OPEN and DUE for a prediction taken up again. Throws {@link TransitionRefused} when it is not allowed.
     */
    public static Status next(Status from, Transition transition, boolean duePassed) {
        if (from == null || !allows(from, transition)) {
            throw new TransitionRefused(transition, from);
        }
        return switch (transition) {
            case FLAG_DUE -> Status.DUE;
            case RESOLVE -> Status.RESOLVED;
            case DEFER -> Status.OPEN;
            case WITHDRAW -> Status.WITHDRAWN;
            case REOPEN, RESTORE -> duePassed ? Status.DUE : Status.OPEN;
        };
    }
}
