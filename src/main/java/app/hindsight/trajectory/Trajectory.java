package app.hindsight.trajectory;

import java.time.LocalDate;

import app.hindsight.prediction.model.Scale;

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
 * @param progressScale the scale progress is measured on, the metric's: on LOG, the share of the way in factors
 *     (ln of the values), so that 23% of a hundredfold fall is a fall by almost three times
 * @param explanation the figures in words: the scale, as of when each share is taken (the way as of the latest
 *     observation, the time as of today), and what decides the verdict (the fit's projection against the target
 *     date); see {@link Explanation}
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
        Verdict verdict,
        Scale progressScale,
        String explanation) {

    Trajectory explained(String words) {
        return new Trajectory(
                baseline,
                target,
                targetDate,
                latest,
                progress,
                expectedProgress,
                fit,
                projectedOn,
                verdict,
                progressScale,
                words);
    }
}
