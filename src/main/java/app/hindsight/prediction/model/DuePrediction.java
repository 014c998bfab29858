package app.hindsight.prediction.model;

import java.time.Instant;
import java.time.LocalDate;

/** What the scheduler needs to know of a prediction it flags or reminds about. */
public record DuePrediction(
        long id,
        String key,
        long version,
        String statement,
        String speaker,
        LocalDate targetDate,
        Instant dueAt,
        LocalDate nextReviewOn,
        FlagReason reason) {

    /** What the scheduler needs to know of {@code p}, flagged for {@code reason} or (null) only reminded about. */
    public static DuePrediction of(Prediction p, FlagReason reason) {
        return new DuePrediction(
                p.id, p.key, p.version, p.statement, p.speaker, p.targetDate(), p.dueAt, p.nextReviewOn, reason);
    }
}
