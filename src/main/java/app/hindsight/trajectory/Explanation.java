package app.hindsight.trajectory;

import static app.hindsight.trajectory.ChartWords.number;
import static app.hindsight.trajectory.ChartWords.percent;

import java.time.LocalDate;

import app.hindsight.prediction.model.Scale;

/**
 * A trajectory's figures in words, as the JSON's {@code explanation} and the desk page give them: on which scale the
 * share of the way is measured, as of when each share is taken, and what decides the verdict. A reader seeing "on
 * track" beside "23% of the way, 45% of the time gone" needs all three: on a log scale 23% of a hundredfold fall is
 * already a fall by almost three times, the share of the way is as of the latest observation while the time is as of
 * today, and the verdict follows the fit's projection, not a comparison of the two shares.
 */
final class Explanation {

    private Explanation() {}

    static String of(Scale scale, Trajectory t, int observations, LocalDate today) {
        StringBuilder words = new StringBuilder();
        words.append(way(scale, t));
        if (t.expectedProgress() != null) {
            words.append(' ')
                    .append(percent(t.expectedProgress()))
                    .append(" of the time from the baseline's date to the target date has gone as of today, ")
                    .append(today);
            if (t.latest() != null && !t.latest().on().equals(today)) {
                words.append("; the share of the way is as of the latest observation, ")
                        .append(t.latest().on());
            }
            words.append('.');
        }
        words.append(' ').append(verdict(t, observations));
        return words.toString();
    }

    /** How far the latest observation has gone, and on which scale that is measured. */
    private static String way(Scale scale, Trajectory t) {
        if (t.latest() == null) {
            return "No observation yet: nothing to measure the way from.";
        }
        if (t.progress() == null) {
            return "The target equals the baseline: there is no way to measure a share of.";
        }
        double base = t.baseline().value();
        double latest = t.latest().value();
        if (scale == Scale.LINEAR) {
            return "The share of the way is measured on a linear scale: the latest value, " + number(latest)
                    + ", has covered " + percent(t.progress()) + " of the distance from " + number(base) + " to "
                    + number(t.target()) + ".";
        }
        double straight = (latest - base) / (t.target() - base);
        return "The share of the way is measured on a log scale, in factors: from " + number(base) + " to "
                + number(t.target()) + " is " + factor(t.target() / base) + ", and the latest value, "
                + number(latest) + ", is " + factor(latest / base) + " than the baseline: "
                + percent(t.progress()) + " of the way in factors (" + percent(straight)
                + " of the difference in plain numbers).";
    }

    private static String factor(double ratio) {
        if (ratio == 1) {
            return "the same";
        }
        return ratio < 1 ? number(1 / ratio, 3) + " times less" : number(ratio, 3) + " times more";
    }

    private static String verdict(Trajectory t, int observations) {
        String fit = "the least-squares fit through the baseline and " + observations
                + (observations == 1 ? " observation" : " observations");
        String reaches = t.projectedOn() == null
                ? fit + " never reaches the target (it moves away from it, stays level or has no slope)"
                : fit + " reaches the target on " + t.projectedOn();
        return switch (t.verdict()) {
            case NO_DATA -> "No verdict: it needs at least one observation.";
            case REACHED -> "Target reached: the latest value is at or past the target.";
            case UNDATED -> "No target date to be on track for: " + reaches + ".";
            case ON_TRACK ->
                "On track because " + reaches + ", not after the target date " + t.targetDate()
                        + ": the verdict follows the fit, not a comparison of the two shares.";
            case BEHIND ->
                "Behind because " + reaches
                        + (t.projectedOn() == null ? "" : ", after the target date " + t.targetDate()) + ".";
        };
    }
}
