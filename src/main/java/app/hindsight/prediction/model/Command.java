package app.hindsight.prediction.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Validation;

/**
 * A transition a person asks for, carried out by one pipeline ({@code PredictionService.execute}): validate the
 * command, find the prediction, check the version, {@link #applyTo apply} it, append its {@link HistoryEntry} and
 * fire {@link PredictionTransitioned}. A new transition is a new record here, not a copy of the pipeline.
 */
public sealed interface Command
        permits Command.Resolve, Command.Reopen, Command.Defer, Command.Withdraw, Command.Restore {

    /** Bean Validation of the command's body, before anything is read; none by default. */
    default void validate(Validation validation) {}

    /**
     * Checks the input against today (a 400 when it fails), then makes the transition, which the status machine may
     * refuse ({@link TransitionRefused}); says what the history records. {@code today} is {@code now}'s day in
     * {@code zone}, the service's zone, in which a resolution's knownOn begins.
     */
    HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor);

    /**
     * OPEN or DUE to RESOLVED, with a verdict; resolvedOn defaults to today and may not be later; knownOn defaults to
     * resolvedOn and lies between madeOn and resolvedOn; a voidReason comes with VOID and only with it. The verdict
     * is PROVISIONAL for {@code disputeWindow}, then FINAL.
     */
    record Resolve(Resolution resolution, Duration disputeWindow) implements Command {

        @Override
        public void validate(Validation validation) {
            validation.require(resolution);
        }

        @Override
        public HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            if (resolution.resolvedOn() != null && resolution.resolvedOn().isAfter(today)) {
                throw InvalidInput.of("resolvedOn", "must not be in the future");
            }
            LocalDate resolvedOn = resolution.resolvedOn() == null ? today : resolution.resolvedOn();
            LocalDate knownOn = resolution.knownOn();
            if (knownOn != null && knownOn.isAfter(resolvedOn)) {
                throw InvalidInput.of("knownOn", "must not be after resolvedOn (" + resolvedOn + ")");
            }
            if (knownOn != null && p.madeOn != null && knownOn.isBefore(p.madeOn)) {
                throw InvalidInput.of("knownOn", "must not be before the prediction's madeOn (" + p.madeOn + ")");
            }
            boolean isVoid = resolution.outcome() == Outcome.VOID;
            if (isVoid && resolution.voidReason() == null) {
                throw InvalidInput.of("voidReason", "is required with outcome VOID (CONDITION_NOT_MET or MISCAPTURED)");
            }
            if (!isVoid && resolution.voidReason() != null) {
                throw InvalidInput.of("voidReason", "is given only with outcome VOID");
            }
            p.resolve(resolution, now, zone, actor, disputeWindow);
            return new HistoryEntry(
                    EventType.RESOLVED,
                    resolution.note(),
                    new HistoryEntry.Verdict(p.outcome, p.voidReason, p.resolvedOn, p.knownOn, p.resolutionEvidence));
        }
    }

    /** RESOLVED back to OPEN, or to DUE when dueAt has passed; the resolution stays in the history. */
    record Reopen(String note) implements Command {

        @Override
        public HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor) {
            p.reopen(now, LocalDate.ofInstant(now, zone));
            return new HistoryEntry(EventType.REOPENED, note, new HistoryEntry.Resumed(p.status));
        }
    }

    /** DUE to OPEN until a later day; the target stays. */
    record Defer(Deferral deferral) implements Command {

        @Override
        public void validate(Validation validation) {
            validation.require(deferral);
        }

        @Override
        public HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            if (!deferral.until().isAfter(today)) {
                throw InvalidInput.of("until", "must be after today (" + today + ")");
            }
            p.defer(deferral.until());
            return new HistoryEntry(EventType.DEFERRED, deferral.note(), new HistoryEntry.Deferred(deferral.until()));
        }
    }

    /** OPEN or DUE to WITHDRAWN; the body (a note) is optional. */
    record Withdraw(Withdrawal withdrawal) implements Command {

        @Override
        public void validate(Validation validation) {
            if (withdrawal != null) {
                validation.require(withdrawal);
            }
        }

        @Override
        public HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor) {
            p.withdraw();
            return new HistoryEntry(EventType.WITHDRAWN, withdrawal == null ? null : withdrawal.note(), null);
        }
    }

    /** WITHDRAWN back to OPEN, or to DUE when dueAt has passed. */
    record Restore(String note) implements Command {

        @Override
        public HistoryEntry applyTo(Prediction p, Instant now, ZoneId zone, String actor) {
            p.restore(now, LocalDate.ofInstant(now, zone));
            return new HistoryEntry(EventType.RESTORED, note, new HistoryEntry.Resumed(p.status));
        }
    }
}
