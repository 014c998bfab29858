package app.hindsight.intake.store;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.hindsight.intake.HedgeGrade;
import app.hindsight.intake.Span;
import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Precision;
import app.hindsight.prediction.model.Target;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A candidate of a source's transcript, found by the rules or added by hand, and its triage. */
@Entity
@Table(name = "candidate")
public class StoredCandidate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_seq")
    @SequenceGenerator(name = "candidate_seq", sequenceName = "candidate_seq", allocationSize = 50)
    public Long id;

    @Column(name = "source_key", nullable = false, updatable = false)
    public String sourceKey;

    @Column(name = "quote_text", nullable = false, updatable = false)
    public String quoteText;

    @Column(name = "quote_lang", nullable = false)
    public String quoteLang;

    @Column(name = "quote_locator")
    public String locator;

    @Column(name = "span_start")
    public Integer spanStart;

    @Column(name = "span_end")
    public Integer spanEnd;

    /** JSON array of {@link CandidateView.CueView}. */
    @Column(nullable = false)
    public String cues;

    @Enumerated(EnumType.STRING)
    @Column(name = "hedge_grade", nullable = false)
    public HedgeGrade hedgeGrade;

    /** JSON array of strings. */
    @Column(name = "hedge_words", nullable = false)
    public String hedgeWords;

    @Column(name = "target_date")
    public LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_precision")
    public Precision targetPrecision;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_basis")
    public Basis targetBasis;

    @Column(name = "target_label")
    public String targetLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_kind", nullable = false)
    public Kind proposedKind;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public boolean manual;

    @Column(nullable = false)
    public boolean orphaned;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CandidateState state;

    @Column(name = "prediction_key")
    public String predictionKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "dismiss_reason")
    public DismissReason dismissReason;

    @Column(name = "dismiss_note")
    public String dismissNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public Span span() {
        return spanStart == null ? null : new Span(spanStart, spanEnd);
    }

    void anchor(Span span, String newLocator) {
        spanStart = span == null ? null : span.start();
        spanEnd = span == null ? null : span.end();
        locator = newLocator;
        orphaned = span == null;
    }

    public Target proposedTarget() {
        return targetBasis == null ? null : new Target(targetDate, targetPrecision, targetBasis, targetLabel);
    }

    void propose(app.hindsight.intake.Target target) {
        if (target != null) {
            targetDate = target.date();
            targetPrecision = target.precision();
            targetBasis = target.basis();
            targetLabel = target.label();
        }
    }

    boolean decided() {
        return state != CandidateState.PENDING;
    }

    void decide(CandidateState decision, String actor, Instant at) {
        state = decision;
        decidedBy = actor;
        decidedAt = at;
    }

    /** Accepted as the prediction {@code key}: linked to it, a dismissal the seeds had made cleared. */
    void acceptAs(String key, String actor, Instant at) {
        predictionKey = key;
        dismissReason = null;
        dismissNote = null;
        decide(CandidateState.ACCEPTED, actor, at);
    }

    void reopen() {
        state = CandidateState.PENDING;
        dismissReason = null;
        dismissNote = null;
        decidedBy = null;
        decidedAt = null;
    }
}
