package app.hindsight.notify;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something people should hear about, in the outbox: {@code prediction.due}, {@code prediction.upcoming},
 * {@code review.overdue}, {@code prediction.off-track}, {@code prediction.verdict-final} or {@code prediction.amended}. Unique by (prediction, kind, period), which is what makes each notice exist once.
 */
@Entity
@Immutable
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public static final String DUE = "prediction.due";
    public static final String UPCOMING = "prediction.upcoming";
    public static final String OVERDUE = "review.overdue";
    /** An observation turned a metric's trajectory from ON_TRACK to BEHIND. */
    public static final String OFF_TRACK = "prediction.off-track";
    /** A provisional verdict became FINAL: from now on it counts in track records and scores. */
    public static final String VERDICT_FINAL = "prediction.verdict-final";

    /** A prediction's statement, criteria, target or metric was amended after people forecast on or reviewed it. */
    public static final String AMENDED = "prediction.amended";

    /**
     * The kinds one may subscribe to, by webhook or digest: the one list, as values, as a Bean Validation pattern and
     * as its message (annotations need constants). A new kind goes here, and a test checks the three agree.
     */
    public static final List<String> KINDS = List.of(DUE, UPCOMING, OVERDUE, OFF_TRACK, VERDICT_FINAL, AMENDED);

    public static final String KINDS_PATTERN = "prediction\\.due|prediction\\.upcoming|review\\.overdue"
            + "|prediction\\.off-track|prediction\\.verdict-final|prediction\\.amended";

    public static final String KINDS_MESSAGE = "must be one of prediction.due, prediction.upcoming, review.overdue,"
            + " prediction.off-track, prediction.verdict-final, prediction.amended";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "prediction_key", nullable = false)
    public String predictionKey;

    /** What makes this notice distinct from earlier ones of its kind, e.g. the date that came due. */
    @Column(nullable = false)
    public String period;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The JSON document webhooks receive. */
    @Column(nullable = false)
    public String payload;
}
