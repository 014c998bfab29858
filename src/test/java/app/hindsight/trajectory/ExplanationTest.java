package app.hindsight.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.Scale;

/**
 * The trajectory's explanation says on which scale the share of the way is measured, as of when each share is
 * taken, and that the fit decides the verdict: the case of the issue, "on track" beside "23% of the way, 45% of the
 * time gone", explained.
 */
class ExplanationTest {

    private static final Point BASELINE = new Point(LocalDate.parse("2026-01-27"), 3.4375);
    private static final LocalDate TARGET_DATE = LocalDate.parse("2027-12-31");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-09");

    @Test
    void onTrackAtAQuarterOfTheWayWithNearlyHalfTheTimeGoneSaysWhy() {
        // 3.4375 to 1.19 is ln(2.89) / ln(100) = 23% of a hundredfold fall, in April, 11% of the time in: the fit
        // through it falls a hundredfold by 2027-01-01, long before the target date.
        List<Point> observed = List.of(new Point(LocalDate.parse("2026-04-15"), 1.19));
        Trajectory t =
                Trajectories.compute(Scale.LOG, Direction.DECREASE, BASELINE, 0.034375, TARGET_DATE, observed, TODAY);
        assertEquals(Verdict.ON_TRACK, t.verdict());
        assertEquals(0.23, t.progress(), 0.005);
        assertEquals(0.45, t.expectedProgress(), 0.005);
        assertEquals(Scale.LOG, t.progressScale());
        assertEquals(
                "The share of the way is measured on a log scale, in factors: from 3.4375 to 0.034375 is 100 times"
                        + " less, and the latest value, 1.19, is 2.89 times less than the baseline: 23% of the way in"
                        + " factors (66% of the difference in plain numbers). 45% of the time from the baseline's date"
                        + " to the target date has gone as of today, 2026-12-09; the share of the way is as of the"
                        + " latest observation, 2026-04-15. On track because the least-squares fit through the"
                        + " baseline and 1 observation reaches the target on 2027-01-01, not after the target date"
                        + " 2027-12-31: the verdict follows the fit, not a comparison of the two shares.",
                t.explanation());
    }

    @Test
    void aLinearScaleSaysSoAndABehindFitSaysWhenItArrives() {
        Point baseline = new Point(LocalDate.parse("2026-01-01"), 10);
        List<Point> observed = List.of(new Point(LocalDate.parse("2026-07-02"), 15));
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                baseline,
                110,
                LocalDate.parse("2027-01-01"),
                observed,
                LocalDate.parse("2026-07-02"));
        assertEquals(Verdict.BEHIND, t.verdict());
        assertEquals(Scale.LINEAR, t.progressScale());
        assertTrue(
                t.explanation()
                        .startsWith("The share of the way is measured on a linear scale: the latest value, 15, has"
                                + " covered 5% of the distance from 10 to 110."),
                t.explanation());
        assertTrue(t.explanation().contains("after the target date 2027-01-01."), t.explanation());
        assertTrue(!t.explanation().contains("as of the latest observation"), "today is the latest observation's day");
    }

    @Test
    void withoutObservationsItSaysThereIsNothingToMeasure() {
        Trajectory t =
                Trajectories.compute(Scale.LOG, Direction.DECREASE, BASELINE, 0.034375, TARGET_DATE, List.of(), TODAY);
        assertEquals(
                "No observation yet: nothing to measure the way from. 45% of the time from the baseline's date to"
                        + " the target date has gone as of today, 2026-12-09. No verdict: it needs at least one"
                        + " observation.",
                t.explanation());
    }
}
