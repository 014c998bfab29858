package app.hindsight.prediction.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import app.hindsight.shared.FieldError;
import app.hindsight.time.Dates;

/** The checks that span several fields, which Bean Validation annotations cannot express. */
final class NewPredictionChecks {

    private NewPredictionChecks() {}

    static List<FieldError> check(NewPrediction in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.speaker() == null || in.speaker().isBlank()) {
            errors.add(new FieldError("speaker", "required when the prediction has no source"));
        }
        if (in.madeOn() == null) {
            errors.add(new FieldError("madeOn", "required when the prediction has no source"));
        }
        Metric m = in.metric();
        if (m != null
                && m.direction() != null
                && m.target() != null
                && m.baseline() != null
                && m.baseline().value() != null) {
            // A target already met at the baseline would read as REACHED from the first observation on.
            boolean ahead = m.direction() == Direction.DECREASE
                    ? m.target() < m.baseline().value()
                    : m.target() > m.baseline().value();
            if (!ahead) {
                errors.add(new FieldError(
                        "metric.target",
                        "must be " + (m.direction() == Direction.DECREASE ? "below" : "above")
                                + " the baseline's value for a metric that must "
                                + m.direction().name().toLowerCase()));
            }
        }
        if (m != null) {
            // Bounded so that a trajectory's figures stay finite (MetricValues says why these bounds).
            if (m.target() != null) {
                String problem = MetricValues.problem(m.scale(), m.target());
                if (problem != null) {
                    errors.add(new FieldError("metric.target", problem));
                }
            }
            if (m.baseline() != null && m.baseline().value() != null) {
                String problem = MetricValues.problem(m.scale(), m.baseline().value());
                if (problem != null) {
                    errors.add(new FieldError("metric.baseline.value", problem));
                }
            }
        }
        Target t = in.target();
        if (t != null && t.basis() != null) {
            if (t.basis() == Basis.NONE) {
                if (t.date() != null) {
                    errors.add(new FieldError("target.date", "must be empty when target.basis is NONE"));
                }
                if (t.precision() != null) {
                    errors.add(new FieldError("target.precision", "must be empty when target.basis is NONE"));
                }
                if (in.reviewEvery() == null) {
                    errors.add(new FieldError("reviewEvery", "required when target.basis is NONE"));
                }
            } else {
                if (t.date() == null) {
                    errors.add(new FieldError("target.date", "required when target.basis is " + t.basis()));
                }
                if (t.precision() == null) {
                    errors.add(new FieldError("target.precision", "required when target.basis is " + t.basis()));
                }
                if (t.basis() == Basis.INFERRED
                        && (t.label() == null || t.label().isBlank())) {
                    errors.add(new FieldError("target.label", "say why the curator chose this date"));
                }
                if (t.date() != null && !t.date().isBefore(Dates.MAX)) {
                    errors.add(new FieldError(
                            "target.date",
                            "must be at most " + Dates.MAX.minusDays(1)
                                    + ": the prediction comes due the day after, which must be a date too"));
                }
                if (t.date() != null && t.precision() != null) {
                    LocalDate end = DueDates.windowEnd(t.date(), t.precision());
                    if (!end.equals(t.date())) {
                        errors.add(new FieldError(
                                "target.date",
                                "must be the last day of its "
                                        + t.precision().name().toLowerCase() + " window, here " + end));
                    }
                }
            }
        }
        return errors;
    }
}
