package app.hindsight.prediction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.shared.InvalidInput;

/**
 * The transitions on a prediction as commands apply them, with the dates that follow: what the pipeline does between
 * finding the prediction and recording the event, without Quarkus or a database.
 */
class CommandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final ZoneOffset UTC = ZoneOffset.UTC;
    private static final Instant NOW = TODAY.atTime(9, 30).toInstant(UTC);

    private static Prediction prediction(Target target, Period reviewEvery) {
        Prediction p = new Prediction();
        p.key = "k";
        p.status = Status.OPEN;
        p.apply(
                new NewPrediction(
                        "k",
                        "A statement.",
                        Kind.FORECAST,
                        "Someone",
                        null,
                        TODAY,
                        null,
                        List.of("cost"),
                        target,
                        reviewEvery,
                        null,
                        null,
                        null),
                ZoneOffset.UTC,
                TODAY);
        return p;
    }

    private static Prediction dated(LocalDate end) {
        return prediction(new Target(end, Precision.DAY, Basis.EXPLICIT, null), null);
    }

    private static Prediction due(LocalDate end) {
        Prediction p = dated(end);
        p.flagDue();
        return p;
    }

    private static final Duration WINDOW = Duration.ofDays(7);

    /** The resolve command with the default dispute window. */
    private static Command.Resolve resolve(Resolution r) {
        return new Command.Resolve(r, WINDOW);
    }

    private static Resolution verdict(LocalDate on) {
        return new Resolution(Outcome.CORRECT, "as said", null, on);
    }

    @Test
    void aNewPredictionIsReviewedOnItsDueDateOrEarlierByCadence() {
        Prediction p = prediction(
                new Target(LocalDate.of(2027, 12, 31), Precision.YEAR, Basis.EXPLICIT, null), Period.ofMonths(6));
        assertEquals(Instant.parse("2028-01-01T00:00:00Z"), p.dueAt);
        assertEquals(LocalDate.of(2026, 9, 10), p.nextReviewOn);
    }

    @Test
    void anUndatedPredictionHasNoDueAtAndAPeriodicReview() {
        Prediction p = prediction(Target.none(), Period.ofYears(1));
        assertNull(p.dueAt);
        assertEquals(LocalDate.of(2027, 3, 10), p.nextReviewOn);
    }

    @Test
    void resolvingRecordsTheVerdictAndEndsReviews() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        HistoryEntry e = resolve(verdict(null)).applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.RESOLVED, p.status);
        assertEquals(TODAY, p.resolvedOn, "resolvedOn defaults to today");
        assertEquals("rita", p.resolvedBy);
        assertNull(p.nextReviewOn);
        assertEquals(EventType.RESOLVED, e.type());
        assertEquals(new HistoryEntry.Verdict(Outcome.CORRECT, null, TODAY, TODAY, List.of()), e.details());
    }

    @Test
    void aResolutionDatedTomorrowIsRefusedBeforeTheStatusIsLookedAt() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        p.status = Status.WITHDRAWN;
        InvalidInput e = assertThrows(
                InvalidInput.class, () -> resolve(verdict(TODAY.plusDays(1))).applyTo(p, NOW, UTC, "rita"));
        assertEquals("resolvedOn", e.errors().get(0).field());
    }

    @Test
    void knownOnDefaultsToTheResolutionDayAndClosesTheScoringThere() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        LocalDate resolvedOn = TODAY.minusDays(5);
        HistoryEntry e = resolve(verdict(resolvedOn)).applyTo(p, NOW, UTC, "rita");
        assertEquals(resolvedOn, p.knownOn);
        assertEquals(resolvedOn.atStartOfDay(UTC).toInstant(), p.closesAt);
        assertEquals(new HistoryEntry.Verdict(Outcome.CORRECT, null, resolvedOn, resolvedOn, List.of()), e.details());
    }

    @Test
    void knownOnAfterTheResolutionOrBeforeTheClaimIsRefusedNamingIt() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        LocalDate resolvedOn = TODAY.minusDays(5);
        InvalidInput after = assertThrows(
                InvalidInput.class,
                () -> resolve(new Resolution(
                                Outcome.CORRECT, "as said", null, resolvedOn, resolvedOn.plusDays(1), null))
                        .applyTo(p, NOW, UTC, "rita"));
        assertEquals("knownOn", after.errors().get(0).field());
        InvalidInput before = assertThrows(
                InvalidInput.class,
                () -> resolve(new Resolution(Outcome.CORRECT, "as said", null, null, p.madeOn.minusDays(1), null))
                        .applyTo(p, NOW, UTC, "rita"));
        assertEquals("knownOn", before.errors().get(0).field());
        assertEquals(Status.OPEN, p.status, "nothing was recorded");
        resolve(new Resolution(Outcome.CORRECT, "as said", null, null, p.madeOn, null))
                .applyTo(p, NOW, UTC, "rita");
        assertEquals(p.madeOn, p.knownOn, "madeOn itself is allowed");
    }

    @Test
    void voidNeedsAReasonAndOnlyVoidTakesOne() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        InvalidInput missing = assertThrows(
                InvalidInput.class,
                () -> resolve(new Resolution(Outcome.VOID, "never came about", null, null, null, null))
                        .applyTo(p, NOW, UTC, "rita"));
        assertEquals("voidReason", missing.errors().get(0).field());
        InvalidInput stray = assertThrows(
                InvalidInput.class,
                () -> resolve(new Resolution(Outcome.INCORRECT, "wrong", null, null, null, VoidReason.MISCAPTURED))
                        .applyTo(p, NOW, UTC, "rita"));
        assertEquals("voidReason", stray.errors().get(0).field());
        HistoryEntry e = resolve(new Resolution(
                        Outcome.VOID, "the bill never passed", null, null, null, VoidReason.CONDITION_NOT_MET))
                .applyTo(p, NOW, UTC, "rita");
        assertEquals(VoidReason.CONDITION_NOT_MET, p.voidReason);
        assertEquals(
                new HistoryEntry.Verdict(Outcome.VOID, VoidReason.CONDITION_NOT_MET, TODAY, TODAY, List.of()),
                e.details());
        new Command.Reopen(null).applyTo(p, NOW, UTC, "rita");
        assertNull(p.voidReason, "a reopen clears the reason with the verdict");
        assertNull(p.knownOn);
    }

    @Test
    void resolvingTwiceIsRefused() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        resolve(verdict(null)).applyTo(p, NOW, UTC, "rita");
        TransitionRefused e = assertThrows(
                TransitionRefused.class, () -> resolve(verdict(null)).applyTo(p, NOW, UTC, "rita"));
        assertEquals(Status.RESOLVED, e.current());
    }

    @Test
    void deferringKeepsTheTargetAndMovesTheReview() {
        Prediction p = due(LocalDate.of(2026, 3, 1));
        LocalDate until = TODAY.plusDays(30);
        HistoryEntry e = new Command.Defer(new Deferral(until, "not yet")).applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.OPEN, p.status);
        assertEquals(until, p.nextReviewOn);
        assertEquals(LocalDate.of(2026, 3, 1), p.targetDate());
        assertEquals(new HistoryEntry.Deferred(until), e.details());
        assertEquals("not yet", e.note());
    }

    @Test
    void deferringToTodayOrEarlierIsRefused() {
        Prediction p = due(LocalDate.of(2026, 3, 1));
        InvalidInput e = assertThrows(
                InvalidInput.class, () -> new Command.Defer(new Deferral(TODAY, null)).applyTo(p, NOW, UTC, "rita"));
        assertEquals("until: must be after today (2026-03-10)", e.getMessage());
    }

    @Test
    void onlyADuePredictionCanBeDeferred() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        assertThrows(
                TransitionRefused.class,
                () -> new Command.Defer(new Deferral(TODAY.plusDays(1), null)).applyTo(p, NOW, UTC, "rita"));
    }

    @Test
    void reopenedBeforeItsDueDateItIsOpenAndReviewedAfresh() {
        Prediction p = prediction(
                new Target(LocalDate.of(2030, 12, 31), Precision.YEAR, Basis.EXPLICIT, null), Period.ofMonths(3));
        resolve(verdict(null)).applyTo(p, NOW, UTC, "rita");
        HistoryEntry e = new Command.Reopen("wrong call").applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.OPEN, p.status);
        assertEquals(TODAY.plusMonths(3), p.nextReviewOn);
        assertNull(p.outcome);
        assertNull(p.resolvedOn);
        assertNull(p.verdict, "a reopen clears the verdict's state");
        assertEquals(new HistoryEntry.Resumed(Status.OPEN), e.details());
    }

    @Test
    void aVerdictIsProvisionalForTheWindowThenFinalAtOnceWithoutOne() {
        Prediction p = due(LocalDate.of(2026, 2, 28));
        resolve(verdict(null)).applyTo(p, NOW, UTC, "rita");
        assertEquals(VerdictState.PROVISIONAL, p.verdict.state);
        assertEquals(NOW.plus(WINDOW), p.verdict.finalAt);
        PredictionView.ResolutionView shown = p.toView().resolution();
        assertEquals(VerdictState.PROVISIONAL, shown.state());
        assertEquals(Instant.parse("2026-03-17T09:30:00Z"), shown.finalAt());

        Prediction atOnce = due(LocalDate.of(2026, 2, 28));
        new Command.Resolve(verdict(null), Duration.ZERO).applyTo(atOnce, NOW, UTC, "rita");
        assertEquals(VerdictState.FINAL, atOnce.verdict.state);
        assertEquals(NOW, atOnce.verdict.finalAt);
    }

    @Test
    void reopenedAfterItsDueDateItIsDueAtOnce() {
        Prediction p = due(LocalDate.of(2026, 2, 28));
        resolve(verdict(null)).applyTo(p, NOW, UTC, "rita");
        HistoryEntry e = new Command.Reopen(null).applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.DUE, p.status);
        assertEquals(LocalDate.of(2026, 3, 1), p.nextReviewOn);
        assertEquals(new HistoryEntry.Resumed(Status.DUE), e.details());
    }

    @Test
    void withdrawingNeedsNoNoteAndRestoringTakesItUpAgain() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        HistoryEntry withdrawn = new Command.Withdraw(null).applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.WITHDRAWN, p.status);
        assertNull(withdrawn.note());
        assertThrows(TransitionRefused.class, () -> new Command.Withdraw(null).applyTo(p, NOW, UTC, "rita"));
        HistoryEntry restored = new Command.Restore("mistake").applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.OPEN, p.status);
        assertEquals(LocalDate.of(2030, 2, 1), p.nextReviewOn);
        assertEquals(EventType.RESTORED, restored.type());
    }

    @Test
    void restoredAfterItsDueDateItIsDueAtOnce() {
        Prediction p = dated(LocalDate.of(2026, 1, 15));
        new Command.Withdraw(new Withdrawal("mis-extraction")).applyTo(p, NOW, UTC, "rita");
        new Command.Restore(null).applyTo(p, NOW, UTC, "rita");
        assertEquals(Status.DUE, p.status);
        assertEquals(LocalDate.of(2026, 1, 16), p.nextReviewOn);
    }

    @Test
    void onlyAWithdrawnPredictionCanBeRestoredAndOnlyAResolvedOneReopened() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        assertThrows(TransitionRefused.class, () -> new Command.Restore(null).applyTo(p, NOW, UTC, "rita"));
        assertThrows(TransitionRefused.class, () -> new Command.Reopen(null).applyTo(p, NOW, UTC, "rita"));
    }

    @Test
    void flaggingSaysWhyAndOnlyOnce() {
        Prediction p = dated(LocalDate.of(2026, 3, 1));
        assertEquals(true, DueDates.reviewDue(p.status, p.nextReviewOn, TODAY));
        assertEquals(FlagReason.TARGET_REACHED, p.flagDue());
        assertEquals(Status.DUE, p.status);
        assertEquals(
                false, DueDates.reviewDue(p.status, p.nextReviewOn, TODAY), "a DUE prediction is not flagged again");
        assertThrows(TransitionRefused.class, p::flagDue);
    }

    @Test
    void aCadenceReviewBeforeTheTargetIsAPeriodicReview() {
        Prediction p = prediction(
                new Target(LocalDate.of(2030, 12, 31), Precision.YEAR, Basis.EXPLICIT, null), Period.ofMonths(1));
        assertEquals(false, DueDates.reviewDue(p.status, p.nextReviewOn, TODAY));
        assertEquals(true, DueDates.reviewDue(p.status, p.nextReviewOn, TODAY.plusMonths(1)));
        assertEquals(FlagReason.PERIODIC_REVIEW, p.flagDue());
    }

    @Test
    void aDeferralSurvivesAnEditThatKeepsTheTarget() {
        Prediction p = due(LocalDate.of(2026, 3, 1));
        new Command.Defer(new Deferral(TODAY.plusDays(10), null)).applyTo(p, NOW, UTC, "rita");
        p.id = 1L; // stored: an edit is not a creation
        p.apply(p.toInput(), ZoneOffset.UTC, TODAY.plusDays(1));
        assertEquals(TODAY.plusDays(10), p.nextReviewOn);
    }

    @Test
    void aChangedTargetReschedulesAnOpenPrediction() {
        Prediction p = dated(LocalDate.of(2030, 1, 31));
        p.id = 1L;
        NewPrediction in = p.toInput();
        p.apply(
                new NewPrediction(
                        in.key(),
                        in.statement(),
                        in.kind(),
                        in.speaker(),
                        in.source(),
                        in.madeOn(),
                        in.quote(),
                        in.topics(),
                        new Target(LocalDate.of(2028, 6, 30), Precision.MONTH, Basis.EXPLICIT, null),
                        in.reviewEvery(),
                        in.resolutionCriteria(),
                        in.metric(),
                        null),
                ZoneOffset.UTC,
                TODAY);
        assertEquals(LocalDate.of(2028, 7, 1), p.nextReviewOn);
        assertEquals(Instant.parse("2028-07-01T00:00:00Z"), p.dueAt);
    }
}
