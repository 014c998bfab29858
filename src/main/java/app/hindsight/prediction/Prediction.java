package app.hindsight.prediction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.hindsight.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tracked prediction. The status machine lives here, in plain methods, so it can be tested without
 * HTTP:
 *
 * <pre>
 * OPEN --(scheduler: nextReviewOn reached)--> DUE
 * OPEN, DUE --resolve--> RESOLVED
 * DUE --defer(until)--> OPEN
 * RESOLVED --reopen--> OPEN or DUE
 * OPEN, DUE --withdraw--> WITHDRAWN --restore--> OPEN or DUE
 * </pre>
 */
@Entity
@Table(name = "prediction")
public class Prediction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "prediction_seq")
    @SequenceGenerator(name = "prediction_seq", sequenceName = "prediction_seq", allocationSize = 50)
    public Long id;

    @Column(name = "slug", nullable = false, updatable = false)
    public String key;

    public String statement;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Kind kind;

    public String speaker;

    /** The speaker lower-cased, indexed: the speaker filter ignores case (see {@link #lowerSpeaker}). */
    @Column(name = "speaker_lower", nullable = false)
    public String speakerLower;

    @Column(name = "source_key")
    public String source;

    @Column(name = "made_on")
    public LocalDate madeOn;

    @Column(name = "quote_text")
    public String quoteText;
    @Column(name = "quote_lang")
    public String quoteLang;
    @Column(name = "quote_locator")
    public String quoteLocator;

    @ElementCollection
    @CollectionTable(name = "prediction_topic", joinColumns = @JoinColumn(name = "prediction_id"))
    @Column(name = "topic")
    @OrderBy
    @BatchSize(size = 100)
    public Set<String> topics = new LinkedHashSet<>();

    @Column(name = "target_date")
    public LocalDate targetDate;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_precision")
    public Precision targetPrecision;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_basis")
    public Basis targetBasis;
    @Column(name = "target_label")
    public String targetLabel;

    @Convert(converter = PeriodConverter.class)
    @Column(name = "review_every")
    public Period reviewEvery;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    @Column(name = "resolution_criteria")
    public String resolutionCriteria;

    @Column(name = "metric_name")
    public String metricName;
    @Column(name = "metric_unit")
    public String metricUnit;
    @Column(name = "metric_baseline_value")
    public Double metricBaselineValue;
    @Column(name = "metric_baseline_on")
    public LocalDate metricBaselineOn;
    @Column(name = "metric_target")
    public Double metricTarget;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "metric_direction")
    public Direction metricDirection;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Status status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Outcome outcome;
    @Column(name = "resolved_on")
    public LocalDate resolvedOn;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Convert(converter = EvidenceConverter.class)
    @Column(name = "resolution_evidence")
    public List<Evidence> resolutionEvidence;
    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Copies the client-settable fields and recomputes the dates that follow from them. */
    void apply(NewPrediction in, ZoneId zone, LocalDate today) {
        boolean rescheduled = id == null || !java.util.Objects.equals(targetDate, in.target().date())
                || !java.util.Objects.equals(reviewEvery, in.reviewEvery());
        statement = in.statement().strip();
        kind = in.kind();
        speaker = in.speaker();
        speakerLower = lowerSpeaker(speaker);
        source = in.source();
        madeOn = in.madeOn();
        quoteText = in.quote() == null ? null : in.quote().text();
        quoteLang = in.quote() == null ? null : in.quote().lang();
        quoteLocator = in.quote() == null ? null : in.quote().locator();
        Set<String> newTopics = in.topics() == null ? Set.of() : new LinkedHashSet<>(in.topics());
        if (!topics.equals(newTopics)) {
            // Only when they differ: replacing an equal set would still bump the version (and the ETag).
            topics.clear();
            topics.addAll(newTopics);
        }
        targetDate = in.target().date();
        targetPrecision = in.target().precision();
        targetBasis = in.target().basis();
        targetLabel = in.target().label();
        reviewEvery = in.reviewEvery();
        resolutionCriteria = in.resolutionCriteria();
        Metric m = in.metric();
        metricName = m == null ? null : m.name();
        metricUnit = m == null ? null : m.unit();
        metricBaselineValue = m == null || m.baseline() == null ? null : m.baseline().value();
        metricBaselineOn = m == null || m.baseline() == null ? null : m.baseline().on();
        metricTarget = m == null ? null : m.target();
        metricDirection = m == null ? null : m.direction();
        dueAt = Schedule.dueAt(targetDate, zone);
        // A DUE prediction keeps its review date until a reviewer acts; a deferral survives unrelated edits.
        if (rescheduled && (status == Status.OPEN || status == null)) {
            nextReviewOn = Schedule.nextReviewOn(targetDate, reviewEvery, today);
        }
    }

    /** How the speaker filter compares names: lower case, the same in every locale. */
    static String lowerSpeaker(String speaker) {
        return speaker == null ? null : speaker.toLowerCase(java.util.Locale.ROOT);
    }

    /** The client-settable fields as they stand: what a merge patch is applied to. */
    NewPrediction toInput() {
        return new NewPrediction(key, statement, kind, speaker, source, madeOn,
                quoteText == null ? null : new Quote(quoteText, quoteLang, quoteLocator),
                List.copyOf(topics),
                new Target(targetDate, targetPrecision, targetBasis, targetLabel),
                reviewEvery, resolutionCriteria,
                metricName == null ? null
                        : new Metric(metricName, metricUnit,
                                metricBaselineValue == null ? null
                                        : new Metric.Baseline(metricBaselineValue, metricBaselineOn),
                                metricTarget, metricDirection));
    }

    /** Whether storing {@code in} would change nothing. Topics are a set: their order and repeats do not count. */
    boolean holds(NewPrediction in) {
        return comparable(toInput()).equals(comparable(in));
    }

    private static NewPrediction comparable(NewPrediction p) {
        List<String> topics = p.topics() == null ? List.of() : p.topics().stream().distinct().sorted().toList();
        return new NewPrediction(p.key(), p.statement() == null ? null : p.statement().strip(), p.kind(), p.speaker(),
                p.source(), p.madeOn(), p.quote(), topics, p.target(), p.reviewEvery(), p.resolutionCriteria(),
                p.metric());
    }

    PredictionView toView() {
        NewPrediction in = toInput();
        return new PredictionView(key, statement, kind, speaker, source, madeOn, in.quote(), in.topics(),
                in.target(), reviewEvery, dueAt, nextReviewOn, resolutionCriteria, in.metric(), status,
                outcome == null ? null
                        : new PredictionView.ResolutionView(outcome, resolvedOn, resolutionNote,
                                resolutionEvidence == null ? List.of() : resolutionEvidence, resolvedBy),
                createdAt, updatedAt, version);
    }

    /** Every insert, update and delete of a prediction, whoever makes it, leaves the read cache. */
    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostUpdate
    @jakarta.persistence.PostRemove
    void written() {
        io.quarkus.arc.Arc.container().instance(PredictionCache.class).get().written(key);
    }

    // --- the status machine -------------------------------------------------------------------

    void resolve(Resolution r, LocalDate today, String by) {
        require("resolve", Status.OPEN, Status.DUE);
        status = Status.RESOLVED;
        outcome = r.outcome();
        resolvedOn = r.resolvedOn() == null ? today : r.resolvedOn();
        resolutionNote = r.note();
        resolutionEvidence = r.evidence() == null ? List.of() : List.copyOf(r.evidence());
        resolvedBy = by;
        nextReviewOn = null;
    }

    /** Back to OPEN, or straight to DUE when the target has already passed. */
    void reopen(Instant now, LocalDate today) {
        require("reopen", Status.RESOLVED);
        outcome = null;
        resolvedOn = null;
        resolutionNote = null;
        resolutionEvidence = null;
        resolvedBy = null;
        reactivate(now, today);
    }

    /** The scheduler's transition: the review date has come. */
    void flagDue() {
        require("flag as due", Status.OPEN);
        status = Status.DUE;
    }

    /** Why this prediction comes due now: its target window has ended, or only a periodic review is due. */
    FlagReason dueReason() {
        LocalDate due = Schedule.dueDate(targetDate);
        return due != null && nextReviewOn != null && !nextReviewOn.isBefore(due) ? FlagReason.TARGET_REACHED
                : FlagReason.PERIODIC_REVIEW;
    }

    void defer(LocalDate until) {
        require("defer", Status.DUE);
        status = Status.OPEN;
        nextReviewOn = until;
    }

    void withdraw() {
        require("withdraw", Status.OPEN, Status.DUE);
        status = Status.WITHDRAWN;
    }

    void restore(Instant now, LocalDate today) {
        require("restore", Status.WITHDRAWN);
        reactivate(now, today);
    }

    private void reactivate(Instant now, LocalDate today) {
        boolean past = dueAt != null && !dueAt.isAfter(now);
        status = past ? Status.DUE : Status.OPEN;
        nextReviewOn = past ? Schedule.dueDate(targetDate) : Schedule.nextReviewOn(targetDate, reviewEvery, today);
    }

    private void require(String action, Status... allowed) {
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ApiException.wrongStatus(action, status.name());
    }
}
