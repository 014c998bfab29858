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
        FlagReason reason) {}
