package app.hindsight.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.Scale;

/**
 * Trajectories against figures worked out by hand. Day counts: 2026-01-01 to 2026-04-11 is 100 days, to 2026-07-02
 * 182, to 2026-07-20 200, to 2027-01-01 365. Least squares is the same in days as in years, so the slopes are worked
 * out per day and multiplied by 365.25.
 */
class TrajectoriesTest {

    private static final double EPS = 1e-9;

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final Point BASELINE_100 = new Point(JAN_1, 100);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Point point(String iso, double value) {
        return new Point(day(iso), value);
    }

    // LINEAR

    /**
     * 100 on 2026-01-01, 200 by 2027-01-01 (365 days), 150 observed on 2026-07-02 (day 182). progress = 50 / 100 =
     * 0.5; expected = 182 / 365; the line through two points rises 50 in 182 days = 50 * 365.25 / 182 = 100.343 per
     * year; it reaches 200 after 100 / 50 * 182 = 364 days: 2026-12-31, one day early.
     */
    @Test
    void linearHalfWayInHalfTheTimeIsOnTrack() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-07-02", 150)),
                day("2026-07-02"));
        assertEquals(point("2026-07-02", 150), t.latest());
        assertEquals(0.5, t.progress(), EPS);
        assertEquals(182.0 / 365, t.expectedProgress(), EPS);
        assertEquals(50 * 365.25 / 182, t.fit().ratePerYear(), EPS);
        assertEquals("least-squares", t.fit().method());
        assertEquals(day("2026-12-31"), t.projectedOn());
        assertEquals(Verdict.ON_TRACK, t.verdict());
    }

    /**
     * Points (day, value): (0, 100), (100, 130), (200, 140), given out of order. Mean day 100, mean value 123.333;
     * Sxy = (-100)(-23.333) + 0 + (100)(16.667) = 4000, Sxx = 100^2 + 0 + 100^2 = 20000: slope 0.2 per day = 73.05 per
     * year; intercept 123.333 - 0.2 * 100 = 103.333. It reaches 200 after 96.667 / 0.2 = 483.33 days: 483 days after
     * 2026-01-01 is 2027-04-29, after the target date 2027-01-01. latest = 140 on 2026-07-20, progress 40 / 100.
     */
    @Test
    void linearLeastSquaresOverThreePointsProjectsPastTheTargetDate() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-07-20", 140), point("2026-04-11", 130)),
                day("2026-09-01"));
        assertEquals(point("2026-07-20", 140), t.latest());
        assertEquals(0.4, t.progress(), EPS);
        assertEquals(243.0 / 365, t.expectedProgress(), EPS); // 2026-09-01 is day 243 from 2026-01-01
        assertEquals(0.2 * 365.25, t.fit().ratePerYear(), EPS);
        assertEquals(day("2027-04-29"), t.projectedOn());
        assertEquals(Verdict.BEHIND, t.verdict());
    }

    @Test
    void progressIsNotClampedEitherWay() {
        Trajectory away = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-04-11", 80)),
                day("2026-04-11"));
        assertEquals(-0.2, away.progress(), EPS);
        Trajectory past = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-04-11", 250)),
                day("2026-04-11"));
        assertEquals(1.5, past.progress(), EPS);
        assertEquals(Verdict.REACHED, past.verdict());
    }

    @Test
    void expectedProgressIsClampedToTheSpanOfTime() {
        List<Point> none = List.of();
        assertEquals(
                0.0,
                Trajectories.compute(
                                Scale.LINEAR,
                                Direction.INCREASE,
                                BASELINE_100,
                                200,
                                day("2027-01-01"),
                                none,
                                day("2025-12-01"))
                        .expectedProgress(),
                EPS);
        assertEquals(
                1.0,
                Trajectories.compute(
                                Scale.LINEAR,
                                Direction.INCREASE,
                                BASELINE_100,
                                200,
                                day("2027-01-01"),
                                none,
                                day("2028-06-01"))
                        .expectedProgress(),
                EPS);
    }

    @Test
    void theLatestIsTheLatestDateAndOfATieTheLastListed() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-07-02", 150), point("2026-04-11", 190), point("2026-07-02", 160)),
                day("2026-08-01"));
        assertEquals(point("2026-07-02", 160), t.latest());
        assertEquals(0.6, t.progress(), EPS);
    }

    // LOG

    /**
     * 1000 on 2026-01-01 down to 1 by 2027-12-31; observed 100 on day 100 and 100 again on day 200. In units of ln 10
     * the points are (0, 3), (100, 2), (200, 2): mean 7/3, Sxy = (-100)(2/3) + 0 + (100)(-1/3) = -100, Sxx = 20000,
     * slope -0.005 per day, so the factor per year is 10^(-0.005 * 365.25) = 10^-1.82625 = 0.0149; intercept 7/3 + 0.5
     * = 17/6. It reaches 0 (ln 1) after (17/6) / 0.005 = 566.67 days: 567 days after 2026-01-01 is 2027-07-22, before
     * 2027-12-31. progress = (2 - 3) / (0 - 3) = 1/3.
     */
    @Test
    void logFitsTheLogarithmsAndGivesAFactorPerYear() {
        Trajectory t = Trajectories.compute(
                Scale.LOG,
                Direction.DECREASE,
                new Point(JAN_1, 1000),
                1,
                day("2027-12-31"),
                List.of(point("2026-04-11", 100), point("2026-07-20", 100)),
                day("2026-07-20"));
        assertEquals(1.0 / 3, t.progress(), EPS);
        assertEquals(200.0 / 729, t.expectedProgress(), EPS); // 2026-01-01 to 2027-12-31 is 365 + 364 days
        assertEquals(Math.pow(10, -0.005 * 365.25), t.fit().ratePerYear(), EPS);
        assertEquals("least-squares-log", t.fit().method());
        assertEquals(day("2027-07-22"), t.projectedOn());
        assertEquals(Verdict.ON_TRACK, t.verdict());
    }

    /**
     * The 100x claim, {@code gpt5-level-intelligence-100x-cheaper-by-2027}: 3.4375 USD per million tokens on
     * 2026-01-27, target 0.034375 (100 times lower) by 2027-12-31, DECREASE, LOG. One observation, 0.34375 (10 times
     * lower) on 2026-11-29, looked at that day.
     *
     * <pre>
     *   days 2026-01-27 .. 2026-11-29 = 306; 2026-01-27 .. 2027-12-31 = 703
     *   progress         = ln(0.34375 / 3.4375) / ln(0.034375 / 3.4375) = ln 0.1 / ln 0.01 = 0.5
     *   expectedProgress = 306 / 703 = 0.4353
     *   fit              = the line through (0, ln 3.4375) and (306 / 365.25, ln 0.34375):
     *                      slope = ln 0.1 / (306 / 365.25) = -2.7484 per year,
     *                      ratePerYear = exp(slope) = 10^(-365.25 / 306) = 0.0640 (15.6 times cheaper each year)
     *   projectedOn      = t* = ln 0.01 / slope = 2 * 306 days = 612 days after 2026-01-27 = 2027-10-01
     *   verdict          = ON_TRACK (2027-10-01 is 91 days before 2027-12-31)
     * </pre>
     *
     * Had the price only halved by then (1.71875): progress = ln 2 / ln 100 = 0.1505; ratePerYear = 2^(-365.25 / 306)
     * = 0.4372; t* = 306 * log2(100) = 2033.02 days, 2031-08-22; BEHIND.
     */
    @Test
    void theHundredTimesCheaperClaimTenTimesCheaperIsHalfWayAndOnTrack() {
        Point baseline = point("2026-01-27", 3.4375);
        Trajectory t = Trajectories.compute(
                Scale.LOG,
                Direction.DECREASE,
                baseline,
                0.034375,
                day("2027-12-31"),
                List.of(point("2026-11-29", 0.34375)),
                day("2026-11-29"));
        assertEquals(0.5, t.progress(), 1e-12);
        assertEquals(306.0 / 703, t.expectedProgress(), EPS);
        assertEquals(Math.pow(10, -365.25 / 306), t.fit().ratePerYear(), EPS);
        assertEquals(0.0640, t.fit().ratePerYear(), 5e-5);
        assertEquals(day("2027-10-01"), t.projectedOn());
        assertEquals(Verdict.ON_TRACK, t.verdict());

        Trajectory halved = Trajectories.compute(
                Scale.LOG,
                Direction.DECREASE,
                baseline,
                0.034375,
                day("2027-12-31"),
                List.of(point("2026-11-29", 1.71875)),
                day("2026-11-29"));
        assertEquals(Math.log(2) / Math.log(100), halved.progress(), EPS);
        assertEquals(Math.pow(2, -365.25 / 306), halved.fit().ratePerYear(), EPS);
        assertEquals(day("2031-08-22"), halved.projectedOn());
        assertEquals(Verdict.BEHIND, halved.verdict());
    }

    @Test
    void logRefusesZeroAndNegativeValues() {
        Point baseline = point("2026-01-27", 3.4375);
        LocalDate on = day("2026-11-29");
        for (double bad : new double[] {0, -1}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Trajectories.compute(
                            Scale.LOG, Direction.DECREASE, baseline, 0.03, null, List.of(new Point(on, bad)), on));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Trajectories.compute(Scale.LOG, Direction.DECREASE, baseline, bad, null, List.of(), on));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Trajectories.compute(
                            Scale.LOG, Direction.INCREASE, new Point(on, bad), 10, null, List.of(), on));
        }
        // LINEAR takes them
        Trajectory linear = Trajectories.compute(
                Scale.LINEAR, Direction.DECREASE, baseline, 0, null, List.of(new Point(on, -1)), on);
        assertEquals(Verdict.REACHED, linear.verdict());
    }

    @Test
    void valuesPastTheBoundsAreRefusedAndAtTheBoundsEveryFigureIsFinite() {
        LocalDate on = day("2026-01-28");
        Point baseline = point("2026-01-27", 0);
        for (double bad : new double[] {1.7976931348623157e308, -1.0000001e15, 1e-13, -4.9e-324}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Trajectories.compute(
                            Scale.LINEAR, Direction.INCREASE, baseline, 1, null, List.of(new Point(on, bad)), on));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> Trajectories.compute(
                        Scale.LOG, Direction.INCREASE, point("2026-01-27", 4.9e-324), 1, null, List.of(), on));
        // The smallest step from the baseline to the target, the largest way off it, a day later: all finite.
        double next = Math.nextUp(1e-12);
        Trajectory far = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                point("2026-01-27", 1e-12),
                next,
                day("2026-02-27"),
                List.of(new Point(on, -1e15)),
                on);
        assertTrue(Double.isFinite(far.progress()), String.valueOf(far.progress()));
        assertTrue(
                Double.isFinite(far.fit().ratePerYear()),
                String.valueOf(far.fit().ratePerYear()));
        // On LOG, tenfold a day is past the double's range as a factor per year: null, and the rest is finite.
        for (double latest : new double[] {1e12, 1e-9}) {
            Trajectory steep = Trajectories.compute(
                    Scale.LOG,
                    latest > 1 ? Direction.INCREASE : Direction.DECREASE,
                    point("2026-01-27", 1),
                    latest > 1 ? 1e15 : 1e-12,
                    day("2027-01-27"),
                    List.of(new Point(on, latest)),
                    on);
            assertNull(steep.fit().ratePerYear());
            assertTrue(Double.isFinite(steep.progress()));
            assertEquals(Verdict.ON_TRACK, steep.verdict());
        }
    }

    @Test
    void aPointMustBeAFiniteNumber() {
        assertThrows(IllegalArgumentException.class, () -> new Point(JAN_1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Point(JAN_1, Double.POSITIVE_INFINITY));
    }

    // verdicts

    @Test
    void reachingTheTargetInItsDirectionIsReachedEvenWhenBehindSchedule() {
        Trajectory t = Trajectories.compute(
                Scale.LOG,
                Direction.DECREASE,
                point("2026-01-27", 3.4375),
                0.034375,
                day("2027-12-31"),
                List.of(point("2028-06-01", 0.034375)),
                day("2028-06-01"));
        assertEquals(Verdict.REACHED, t.verdict());
        assertEquals(1.0, t.progress(), 1e-12);
        assertEquals(1.0, t.expectedProgress(), EPS);
    }

    @Test
    void reachedCountsTheTargetItselfAndLooksAtTheDirection() {
        assertTrue(Trajectories.reached(Direction.DECREASE, 0.034375, 0.034375));
        assertTrue(Trajectories.reached(Direction.DECREASE, 0.03, 0.034375));
        assertFalse(Trajectories.reached(Direction.DECREASE, 0.04, 0.034375));
        assertTrue(Trajectories.reached(Direction.INCREASE, 200, 200));
        assertTrue(Trajectories.reached(Direction.INCREASE, 201, 200));
        assertFalse(Trajectories.reached(Direction.INCREASE, 199, 200));
    }

    @Test
    void withoutObservationsThereIsNoDataButTheClockStillRuns() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR, Direction.INCREASE, BASELINE_100, 200, day("2027-01-01"), List.of(), day("2026-07-02"));
        assertEquals(Verdict.NO_DATA, t.verdict());
        assertNull(t.latest());
        assertNull(t.progress());
        assertNull(t.fit());
        assertNull(t.projectedOn());
        assertEquals(182.0 / 365, t.expectedProgress(), EPS);
    }

    /** Same points as linearHalfWayInHalfTheTimeIsOnTrack, no target date: projected to 2026-12-31 all the same. */
    @Test
    void withoutATargetDateItIsUndatedWithAProjection() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                null,
                List.of(point("2026-07-02", 150)),
                day("2026-07-02"));
        assertEquals(Verdict.UNDATED, t.verdict());
        assertNull(t.targetDate());
        assertNull(t.expectedProgress());
        assertEquals(0.5, t.progress(), EPS);
        assertEquals(day("2026-12-31"), t.projectedOn());
    }

    @Test
    void aFitMovingAwayFromTheTargetProjectsNothingAndIsBehind() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-04-11", 80)),
                day("2026-04-11"));
        assertEquals(-20 * 365.25 / 100, t.fit().ratePerYear(), EPS);
        assertNull(t.projectedOn());
        assertEquals(Verdict.BEHIND, t.verdict());

        Trajectory pricier = Trajectories.compute(
                Scale.LOG,
                Direction.DECREASE,
                point("2026-01-27", 3.4375),
                0.034375,
                day("2027-12-31"),
                List.of(point("2026-11-29", 6.875)),
                day("2026-11-29"));
        assertEquals(Math.pow(2, 365.25 / 306), pricier.fit().ratePerYear(), EPS);
        assertEquals(-Math.log(2) / Math.log(100), pricier.progress(), EPS);
        assertNull(pricier.projectedOn());
        assertEquals(Verdict.BEHIND, pricier.verdict());
    }

    @Test
    void aFlatFitProjectsNothing() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                null,
                List.of(point("2026-04-11", 100)),
                day("2026-04-11"));
        assertEquals(0.0, t.fit().ratePerYear(), EPS);
        assertEquals(0.0, t.progress(), EPS);
        assertNull(t.projectedOn());
        assertEquals(Verdict.UNDATED, t.verdict());
    }

    @Test
    void observationsOnlyOnTheBaselineDayGiveNoFit() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                200,
                day("2027-01-01"),
                List.of(point("2026-01-01", 120)),
                JAN_1);
        assertEquals(0.2, t.progress(), EPS);
        assertNull(t.fit());
        assertNull(t.projectedOn());
        assertEquals(Verdict.BEHIND, t.verdict());
    }

    @Test
    void aTargetEqualToTheBaselineHasNoProgressToMeasure() {
        Trajectory t = Trajectories.compute(
                Scale.LINEAR,
                Direction.INCREASE,
                BASELINE_100,
                100,
                day("2027-01-01"),
                List.of(point("2026-04-11", 90)),
                day("2026-04-11"));
        assertNull(t.progress());
        assertNull(t.projectedOn());
        assertEquals(Verdict.BEHIND, t.verdict());
    }
}
