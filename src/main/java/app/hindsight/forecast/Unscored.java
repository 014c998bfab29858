package app.hindsight.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Status;

/**
 * Why a forecast does not score, or null when it does: the rule {@link ScoreQueries#COUNTS} writes in SQL, in plain
 * Java, for the forecast list (and ScoreSqlAgreementTest). A forecast scores when its prediction is resolved with a
 * scored outcome and it was its forecaster's latest made before the close, the earliest of dueAt, the recording of
 * the resolution and the start of knownOn.
 */
public enum Unscored {
    /** The prediction is not resolved (yet, or again after a reopen): nothing on it scores. */
    NOT_RESOLVED,
    /** Resolved UNVERIFIABLE or VOID: outcomes that are not scored. */
    OUTCOME_NOT_SCORED,
    /** Made on or after the day the answer became known (the resolution's knownOn). */
    MADE_AFTER_KNOWN_ON,
    /** Made after the close for another reason (dueAt); forecasts are refused then, so only older data has these. */
    MADE_AFTER_CLOSE,
    /** The same forecaster forecast again before the close: their later one counts. */
    SUPERSEDED;

    /** What a forecast's prediction says about scoring: its status, outcome, close and knownOn, in the zone. */
    public record Close(Status status, Outcome outcome, Instant closesAt, LocalDate knownOn, ZoneId zone) {}

    /** Why a forecast made {@code at} and superseded at {@code supersededAt} (null: never) does not score. */
    public static Unscored of(Close close, Instant at, Instant supersededAt) {
        if (close.status() != Status.RESOLVED || close.closesAt() == null) {
            return NOT_RESOLVED;
        }
        if (ScoringRules.outcomeValue(close.outcome()) == null) {
            return OUTCOME_NOT_SCORED;
        }
        if (!at.isBefore(close.closesAt())) {
            boolean afterKnown = close.knownOn() != null
                    && !LocalDate.ofInstant(at, close.zone()).isBefore(close.knownOn());
            return afterKnown ? MADE_AFTER_KNOWN_ON : MADE_AFTER_CLOSE;
        }
        if (supersededAt != null && supersededAt.isBefore(close.closesAt())) {
            return SUPERSEDED;
        }
        return null;
    }
}
