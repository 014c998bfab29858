package app.hindsight.trajectory;

import java.time.LocalDate;

/**
 * A metric's way from its baseline towards its target, as {@link Trajectories#compute} works it out.
 *
 * @param baseline where the metric started
 * @param target the value it should reach
 * @param targetDate by when; null when the prediction has no target date
 * @param latest the observation with the latest date; null without observations
 * @param progress the share of the way from baseline to target the latest observation has gone (log space for LOG),
 *     not clamped; null without observations, or when the target equals the baseline
 * @param expectedProgress the share of the time from the baseline's date to the target date that has passed, in [0,
 *     1]; null without a target date
 * @param fit the least-squares rate; null without observations, or when every observation is on the baseline's date
 * @param projectedOn the day the fit reaches the target; null without a fit or when it moves away from the target
 * @param verdict where it stands
 */
public record Trajectory(
        Point baseline,
        double target,
        LocalDate targetDate,
        Point latest,
        Double progress,
        Double expectedProgress,
        Fit fit,
        LocalDate projectedOn,
        Verdict verdict) {}
