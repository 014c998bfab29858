package app.hindsight.trajectory;

import java.time.LocalDate;
import java.util.Objects;

/** A value of the metric on a day: the baseline or an observation. */
public record Point(LocalDate on, double value) {

    public Point {
        Objects.requireNonNull(on, "on");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, was " + value);
        }
    }
}
