package app.hindsight.intake.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import app.hindsight.intake.Candidate;
import app.hindsight.intake.CandidateFinder;
import app.hindsight.intake.Hedge;
import app.hindsight.intake.HedgeGrade;
import app.hindsight.intake.Quote;
import app.hindsight.intake.Span;
import app.hindsight.intake.Transcript;
import app.hindsight.prediction.model.Kind;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Validation;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;

/** A source's candidates: the list, dismissing and undoing it, and spans added by hand. Accepting is {@link Acceptance}'s. */
@ApplicationScoped
public class TriageService {

    @Inject
    Clock clock;

    @Inject
    Validation validation;

    @Inject
    SourceService sources;

    @Inject
    CandidateMapper mapper;

    /** In id order (the order the rules found them, those added by hand after), optionally of one state. */
    @Transactional
    public Paged<CandidateView> list(String sourceKey, CandidateState state, long after, int limit) {
        requireSource(sourceKey);
        List<StoredCandidate> rows = state == null
                ? StoredCandidate.<StoredCandidate>find("sourceKey = ?1 and id > ?2 order by id", sourceKey, after)
                        .page(0, limit + 1)
                        .list()
                : StoredCandidate.<StoredCandidate>find(
                                "sourceKey = ?1 and state = ?2 and id > ?3 order by id", sourceKey, state, after)
                        .page(0, limit + 1)
                        .list();
        return Paged.of(rows, limit, c -> c.id).map(mapper::view);
    }

    /**
     * Every candidate of the source in one read, in the order of their place in the transcript (orphaned ones last,
     * then by id): the desk's page lays them over the text.
     */
    @Transactional
    public List<Placed> all(String sourceKey) {
        requireSource(sourceKey);
        return StoredCandidate.<StoredCandidate>find(
                        "sourceKey = ?1 order by case when spanStart is null then 1 else 0 end, spanStart, id",
                        sourceKey)
                .stream()
                .map(c -> new Placed(c.span(), mapper.view(c)))
                .toList();
    }

    @Transactional
    public CandidateView get(String sourceKey, long id) {
        return mapper.view(find(sourceKey, id, false));
    }

    @Transactional
    public CandidateView dismiss(String sourceKey, long id, Dismissal dismissal, String actor) {
        validation.require(dismissal);
        StoredCandidate c = find(sourceKey, id, true);
        if (c.state == CandidateState.ACCEPTED) {
            throw new Conflict(
                    "candidate-accepted",
                    "candidate " + id + " was accepted as prediction '" + c.predictionKey
                            + "'; withdraw or delete the prediction instead");
        }
        c.dismissReason = dismissal.reason();
        c.dismissNote = dismissal.note();
        c.decide(CandidateState.DISMISSED, actor, now());
        StoredCandidate.flush();
        return mapper.view(c);
    }

    /** Back to PENDING. */
    @Transactional
    public CandidateView undoDismissal(String sourceKey, long id) {
        StoredCandidate c = find(sourceKey, id, true);
        if (c.state != CandidateState.DISMISSED) {
            throw new Conflict("candidate-not-dismissed", "candidate " + id + " is " + c.state + ", not DISMISSED");
        }
        if (c.orphaned) {
            throw new Conflict(
                    "candidate-orphaned",
                    "candidate " + id + "'s quote is no longer in the transcript; its dismissal stays");
        }
        c.reopen();
        StoredCandidate.flush();
        return mapper.view(c);
    }

    /** A span the rules missed, at the given occurrence of its words in the transcript; what the rules see in it. */
    @Transactional
    public CandidateView add(String sourceKey, NewCandidate in, String actor) {
        validation.require(in);
        SourceView source = requireSource(sourceKey);
        StoredTranscript t = StoredTranscript.of(sourceKey)
                .orElseThrow(() ->
                        new Conflict("no-transcript", "source '" + sourceKey + "' has no transcript; PUT one first"));
        String words = in.quote().text();
        int wanted = in.occurrence() == null ? 1 : in.occurrence();
        int at = -1;
        int seen = 0;
        for (int i = t.body.indexOf(words); i >= 0 && seen < wanted; i = t.body.indexOf(words, i + 1)) {
            at = i;
            seen++;
        }
        if (seen == 0) {
            throw InvalidInput.of("quote.text", "does not occur verbatim in the transcript");
        }
        if (seen < wanted) {
            throw InvalidInput.of("occurrence", "the words occur " + seen + " time(s) in the transcript");
        }
        Span span = new Span(at, at + words.length());
        StoredCandidate same = StoredCandidate.find(
                        "sourceKey = ?1 and spanStart = ?2 and spanEnd = ?3", sourceKey, span.start(), span.end())
                .firstResult();
        if (same != null) {
            throw new Conflict("duplicate-candidate", "candidate " + same.id + " is these very words");
        }
        String locator = TranscriptSegment.<TranscriptSegment>find(
                        "sourceKey = ?1 and spanStart <= ?2 order by spanStart desc, position desc", sourceKey, at)
                .firstResultOptional()
                .map(s -> s.locator)
                .orElse(null);
        StoredCandidate c = mapper.row(sourceKey, seenByTheRules(words, span, locator, t, source), true, now());
        c.persist();
        StoredCandidate.flush();
        return mapper.view(c);
    }

    /** What the rules make of the words alone (cues, hedge, target, kind), placed at the span. */
    private static Candidate seenByTheRules(
            String words, Span span, String locator, StoredTranscript t, SourceView source) {
        Quote quote = new Quote(words, t.language, locator);
        List<Candidate> found = CandidateFinder.find(Transcript.ofText(words, t.language), source.date());
        if (found.isEmpty()) {
            return new Candidate(
                    quote, span, List.of(), new Hedge(HedgeGrade.UNHEDGED, List.of()), null, Kind.CLAIM, 0);
        }
        Candidate first = found.get(0);
        return new Candidate(
                quote,
                span,
                found.stream().flatMap(c -> c.cues().stream()).toList(),
                first.hedge(),
                first.proposedTarget(),
                first.proposedKind(),
                first.score());
    }

    private SourceView requireSource(String sourceKey) {
        return sources.find(sourceKey).orElseThrow(() -> new NotFound("source", sourceKey));
    }

    /** The source's candidate, locked for a change when {@code forUpdate}. */
    static StoredCandidate find(String sourceKey, long id, boolean forUpdate) {
        StoredCandidate c =
                forUpdate ? StoredCandidate.findById(id, LockModeType.PESSIMISTIC_WRITE) : StoredCandidate.findById(id);
        if (c == null || !c.sourceKey.equals(sourceKey)) {
            throw new NotFound("candidate", sourceKey + "/" + id);
        }
        return c;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
