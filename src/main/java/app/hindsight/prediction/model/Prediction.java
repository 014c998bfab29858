package app.hindsight.prediction.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A tracked prediction. Its transitions are plain methods that ask {@link StatusMachine} whether they are allowed
 * and {@link DueDates} for the dates that follow, so they can be tested without Quarkus. Every write of one leaves
 * the read cache ({@link PredictionWrites}).
 */
@Entity
@Table(name = "prediction")
@EntityListeners(PredictionWrites.class)
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

    /** The speaker lower-cased, indexed: the speaker filter ignores case (see {@link SpeakerNames#lower}). */
    @Column(name = "speaker_lower", nullable = false)
    public String speakerLower;

    @Column(name = "source_key")
    public String source;

    @Column(name = "made_on")
    public LocalDate madeOn;

    @Embedded
    @AttributeOverride(name = "text", column = @Column(name = "quote_text"))
    @AttributeOverride(name = "lang", column = @Column(name = "quote_lang"))
    @AttributeOverride(name = "locator", column = @Column(name = "quote_locator"))
    public Quote quote;

    @ElementCollection
    @CollectionTable(name = "prediction_topic", joinColumns = @JoinColumn(name = "prediction_id"))
    @Column(name = "topic")
    @OrderBy
    @BatchSize(size = 100)
    public Set<String> topics = new LinkedHashSet<>();

    @Embedded
    @AttributeOverride(name = "date", column = @Column(name = "target_date"))
    @AttributeOverride(name = "precision", column = @Column(name = "target_precision"))
    @AttributeOverride(name = "basis", column = @Column(name = "target_basis"))
    @AttributeOverride(name = "label", column = @Column(name = "target_label"))
    public Target target;

    @Convert(converter = PeriodConverter.class)
    @Column(name = "review_every")
    public Period reviewEvery;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    @Column(name = "resolution_criteria")
    public String resolutionCriteria;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "metric_name"))
    @AttributeOverride(name = "unit", column = @Column(name = "metric_unit"))
    @AttributeOverride(name = "baseline.value", column = @Column(name = "metric_baseline_value"))
    @AttributeOverride(name = "baseline.on", column = @Column(name = "metric_baseline_on"))
    @AttributeOverride(name = "target", column = @Column(name = "metric_target"))
    @AttributeOverride(name = "direction", column = @Column(name = "metric_direction"))
    @AttributeOverride(name = "scale", column = @Column(name = "metric_scale"))
    public Metric metric;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Status status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Outcome outcome;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "known_on")
    public LocalDate knownOn;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "void_reason")
    public VoidReason voidReason;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Convert(converter = EvidenceConverter.class)
    @Column(name = "resolution_evidence")
    public List<Evidence> resolutionEvidence;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** When the resolution was recorded. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Embedded
    public Verdict verdict;

    /** While resolved: the earliest of dueAt, resolvedAt and knownOn's start, from which no forecast scores. */
    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new OPEN prediction holding {@code in}, created {@code now}; not yet persisted (it has no id). */
    public static Prediction created(NewPrediction in, Instant now, ZoneId zone, LocalDate today) {
        Prediction p = new Prediction();
        p.key = in.key();
        p.status = Status.OPEN;
        p.createdAt = p.updatedAt = now;
        p.apply(in, zone, today);
        return p;
    }

    /** Copies the client-settable fields and recomputes the dates that follow from them. */
    public void apply(NewPrediction in, ZoneId zone, LocalDate today) {
        boolean rescheduled = id == null
                || !java.util.Objects.equals(targetDate(), in.target().date())
                || !java.util.Objects.equals(reviewEvery, in.reviewEvery());
        statement = in.statement().strip();
        kind = in.kind();
        speaker = in.speaker();
        speakerLower = SpeakerNames.lower(speaker);
        source = in.source();
        madeOn = in.madeOn();
        quote = in.quote();
        Set<String> newTopics = in.topics() == null ? Set.of() : new LinkedHashSet<>(in.topics());
        if (!topics.equals(newTopics)) {
            // Only when they differ: replacing an equal set would still bump the version (and the ETag).
            topics.clear();
            topics.addAll(newTopics);
        }
        target = in.target();
        reviewEvery = in.reviewEvery();
        resolutionCriteria = in.resolutionCriteria();
        metric = in.metric();
        dueAt = DueDates.dueAt(targetDate(), zone);
        closesAt = DueDates.closesAt(dueAt, resolvedAt, knownOn, zone);
        // A DUE prediction keeps its review date until a reviewer acts; a deferral survives unrelated edits.
        if (rescheduled && (status == Status.OPEN || status == null)) {
            nextReviewOn = DueDates.nextReviewOn(targetDate(), reviewEvery, today);
        }
    }

    /** The last day of the target window; none for an undated prediction. */
    public LocalDate targetDate() {
        return target == null ? null : target.date();
    }

    /** The client-settable fields as they stand: what a merge patch is applied to. */
    public NewPrediction toInput() {
        return new NewPrediction(
                key,
                statement,
                kind,
                speaker,
                source,
                madeOn,
                quote,
                List.copyOf(topics),
                target,
                reviewEvery,
                resolutionCriteria,
                metric,
                null);
    }

    /** Whether storing {@code in} would change nothing. Topics are a set: their order and repeats do not count. */
    public boolean holds(NewPrediction in) {
        return toInput().comparable().equals(in.comparable());
    }

    public PredictionView toView() {
        return PredictionView.of(this);
    }

    // --- transitions: the status machine decides, DueDates dates; a resolution's Verdict is null until then -----
    public void resolve(Resolution r, Instant now, ZoneId zone, String by, Duration window) {
        status = StatusMachine.next(status, Transition.RESOLVE, false);
        outcome = r.outcome();
        voidReason = r.voidReason();
        resolvedOn = r.resolvedOn() == null ? LocalDate.ofInstant(now, zone) : r.resolvedOn();
        knownOn = r.knownOn() == null ? resolvedOn : r.knownOn();
        resolutionNote = r.note();
        resolutionEvidence = r.evidence() == null ? List.of() : List.copyOf(r.evidence());
        resolvedBy = by;
        resolvedAt = now;
        closesAt = DueDates.closesAt(dueAt, resolvedAt, knownOn, zone);
        nextReviewOn = null;
        verdict = Verdict.recorded(now, window);
    }

    /** Back to OPEN, or straight to DUE when the target has already passed. */
    void reopen(Instant now, LocalDate today) {
        Status next = StatusMachine.next(status, Transition.REOPEN, DueDates.duePassed(dueAt, now));
        outcome = null;
        voidReason = null;
        verdict = null;
        resolvedOn = knownOn = null;
        resolutionNote = resolvedBy = null;
        resolutionEvidence = null;
        resolvedAt = closesAt = null;
        resume(next, now, today);
    }

    /** The scheduler's transition: the review date has come. Returns why. */
    public FlagReason flagDue() {
        status = StatusMachine.next(status, Transition.FLAG_DUE, true);
        return DueDates.reason(targetDate(), nextReviewOn);
    }

    /** The scheduler's transition when the metric's latest observation met its target: DUE early, from today. */
    public FlagReason flagTargetMet(LocalDate today) {
        status = StatusMachine.next(status, Transition.FLAG_DUE, true);
        nextReviewOn = today;
        return FlagReason.TARGET_MET;
    }

    void defer(LocalDate until) {
        status = StatusMachine.next(status, Transition.DEFER, false);
        nextReviewOn = until;
    }

    void withdraw() {
        status = StatusMachine.next(status, Transition.WITHDRAW, false);
    }

    void restore(Instant now, LocalDate today) {
        resume(StatusMachine.next(status, Transition.RESTORE, DueDates.duePassed(dueAt, now)), now, today);
    }

    private void resume(Status next, Instant now, LocalDate today) {
        status = next;
        nextReviewOn = DueDates.resumedReviewOn(targetDate(), reviewEvery, dueAt, now, today);
    }
}
