package app.hindsight.prediction.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Status;

/**
 * The filters a scan checks on each candidate's row, read by primary key ({@link #COLUMNS}), with the speaker resolved
 * beforehand to the lower-cased names a part of a name matches ({@code speakers}; null: any speaker).
 */
record ScanCheck(PredictionFilter filter, Set<String> speakers) {

    /** The columns {@link #admits} reads, after the id. */
    static final String COLUMNS =
            "p.id, p.status, p.kind, p.speakerLower, p.source, p.dueAt, p.metric.name, p.nextReviewOn";

    boolean admits(Object[] row) {
        PredictionFilter f = filter;
        Status status = (Status) row[1];
        Kind kind = (Kind) row[2];
        String speakerLower = (String) row[3];
        String source = (String) row[4];
        Instant dueAt = (Instant) row[5];
        boolean hasMetric = row[6] != null;
        LocalDate nextReviewOn = (LocalDate) row[7];
        return (f.statuses().isEmpty() || f.statuses().contains(status))
                && (f.kind() == null || f.kind() == kind)
                && (speakers == null || speakers.contains(speakerLower))
                && (f.source() == null || f.source().equals(source))
                && (f.dueBefore() == null || dueAt != null && dueAt.isBefore(f.dueBefore()))
                && (f.dueAfter() == null || dueAt != null && !dueAt.isBefore(f.dueAfter()))
                && (f.hasMetric() == null || f.hasMetric() == hasMetric)
                && (f.nextReviewFrom() == null || nextReviewOn != null && !nextReviewOn.isBefore(f.nextReviewFrom()))
                && (f.nextReviewTo() == null || nextReviewOn != null && !nextReviewOn.isAfter(f.nextReviewTo()));
    }
}
