package app.hindsight.intake.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.intake.Candidate;
import app.hindsight.intake.CandidateFinder;
import app.hindsight.intake.Segment;
import app.hindsight.intake.Span;
import app.hindsight.intake.Transcript;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;
import io.quarkus.logging.Log;

/**
 * Stores a source's transcript with its segments and the candidates the rules find in it, in one transaction. A
 * replacing transcript keeps the decided candidates: each is re-anchored where its quote still occurs verbatim (a
 * new candidate over the same words is then dropped), and orphaned, decision kept, where it no longer does; the
 * pending ones are found anew (those added by hand are kept like decided ones, and dropped where their words are gone).
 */
@ApplicationScoped
public class TranscriptService {

    @Inject
    Clock clock;

    @Inject
    SourceService sources;

    @Inject
    CandidateMapper candidates;

    /** The source's language unless the upload names one; a 400 when neither does. */
    public String language(String sourceKey, String contentLanguage) {
        SourceView source = sources.find(sourceKey).orElseThrow(() -> new NotFound("source", sourceKey));
        String lang = contentLanguage != null ? contentLanguage : source.language();
        if (lang == null) {
            throw InvalidInput.of("Content-Language", "required: the source has no language");
        }
        return lang;
    }

    /** The stored version, if the source has a transcript. */
    @Transactional
    public Optional<Long> version(String sourceKey) {
        return StoredTranscript.of(sourceKey).map(t -> t.version);
    }

    @Transactional
    public TranscriptView get(String sourceKey) {
        return find(sourceKey).orElseThrow(() -> missing(sourceKey));
    }

    /** The transcript with its segments, if the source has one. */
    @Transactional
    public Optional<TranscriptView> find(String sourceKey) {
        return StoredTranscript.of(sourceKey).map(t -> {
            List<TranscriptView.SegmentView> segments = TranscriptSegment.of(sourceKey).stream()
                    .map(s -> new TranscriptView.SegmentView(s.locator, s.spanStart, s.spanEnd))
                    .toList();
            return new TranscriptView(
                    sourceKey,
                    t.body,
                    t.sha256,
                    t.language,
                    t.mediaType,
                    t.uploadedAt,
                    t.uploadedBy,
                    t.version,
                    segments);
        });
    }

    static NotFound missing(String sourceKey) {
        return new NotFound("transcript of source", sourceKey);
    }

    /**
     * Stores the transcript. Replacing one needs the version the writer read ({@code expected}); without one, a
     * transcript stored meanwhile is a conflict.
     */
    @Transactional
    public TranscriptStored put(
            String sourceKey, Transcript transcript, String mediaType, ExpectedVersion expected, String actor) {
        SourceView source = sources.find(sourceKey).orElseThrow(() -> new NotFound("source", sourceKey));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        StoredTranscript stored = StoredTranscript.of(sourceKey).orElse(null);
        boolean created = stored == null;
        if (created) {
            stored = new StoredTranscript();
            stored.sourceKey = sourceKey;
        } else if (expected == null) {
            throw new Conflict(
                    "transcript-exists", "the source has a transcript; send its ETag in If-Match to replace it");
        } else {
            expected.check(stored.version, "transcript");
        }
        long started = System.nanoTime();
        List<Candidate> found = CandidateFinder.find(transcript, source.date());
        Log.debugf(
                "%d candidates in %d characters of %s in %d ms",
                found.size(), transcript.text().length(), sourceKey, (System.nanoTime() - started) / 1_000_000);

        List<StoredCandidate> decided = created ? List.of() : reanchorDecided(sourceKey, transcript);
        if (!created) {
            TranscriptSegment.deleteOf(sourceKey);
        }
        stored.body = transcript.text();
        stored.sha256 = sha256(transcript.text());
        stored.language = transcript.lang();
        stored.mediaType = mediaType;
        stored.segments = transcript.segments().size();
        stored.uploadedAt = now;
        stored.uploadedBy = actor;
        stored.persist();
        StoredTranscript.flush();
        storeSegments(sourceKey, transcript.segments());

        List<Span> kept = decided.stream()
                .map(StoredCandidate::span)
                .filter(s -> s != null)
                .toList();
        int added = 0;
        for (Candidate c : found) {
            if (kept.stream().noneMatch(k -> Reanchor.overlap(k, c.span()))) {
                candidates.row(sourceKey, c, false, now).persist();
                added++;
            }
        }
        StoredTranscript.flush();
        List<CandidateView> orphaned = new ArrayList<>();
        for (StoredCandidate c : decided) {
            if (c.orphaned) {
                orphaned.add(candidates.view(c));
                if (!c.decided()) {
                    // A span added by hand and not yet decided: with its words gone there is nothing to decide.
                    c.delete();
                }
            }
        }
        return new TranscriptStored(
                Coverage.TranscriptSummary.of(stored),
                created,
                CandidateFinder.supports(transcript.lang()),
                added,
                kept.size(),
                orphaned,
                stored.version);
    }

    /**
     * Drops the pending candidates the rules found (they are found anew) and moves the decided ones, and those added
     * by hand, onto the new text, or orphans them.
     */
    private List<StoredCandidate> reanchorDecided(String sourceKey, Transcript transcript) {
        StoredCandidate.delete("sourceKey = ?1 and state = ?2 and manual = false", sourceKey, CandidateState.PENDING);
        List<StoredCandidate> decided = StoredCandidate.list("sourceKey = ?1 order by id", sourceKey);
        List<Reanchor.Anchored> anchored = new ArrayList<>();
        for (StoredCandidate c : decided) {
            anchored.add(new Reanchor.Anchored(c.quoteText, c.spanStart));
            // Off the old spans first: a candidate may move onto another's old place.
            c.anchor(null, null);
        }
        StoredCandidate.flush();
        List<Span> spans = Reanchor.spans(transcript.text(), anchored);
        for (int i = 0; i < decided.size(); i++) {
            Span span = spans.get(i);
            decided.get(i).anchor(span, span == null ? null : locatorAt(transcript, span.start()));
        }
        return decided;
    }

    /** The locator of the segment where an offset falls (or the last one before it). */
    static String locatorAt(Transcript transcript, int offset) {
        String locator = null;
        for (Segment s : transcript.segments()) {
            if (s.body().start() > offset) {
                break;
            }
            if (s.role().isBody() || locator == null) {
                locator = s.locator();
            }
        }
        return locator;
    }

    private static void storeSegments(String sourceKey, List<Segment> segments) {
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment s = new TranscriptSegment();
            s.sourceKey = sourceKey;
            s.position = i;
            s.locator = segments.get(i).locator();
            s.spanStart = segments.get(i).body().start();
            s.spanEnd = segments.get(i).body().end();
            s.persist();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
