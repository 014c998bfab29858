package app.hindsight.intake.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import app.hindsight.intake.Transcript;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.shared.ExpectedVersion;

/**
 * A seed file's transcript and decisions, applied in the seed loader's transaction: the transcript is stored through
 * {@link TranscriptService} (so its candidates are found by the code every upload runs), spans are added through
 * {@link TriageService} and dismissals go through it, all under an actor such as
 * {@code seed:altman-town-hall-2026-01-27@4}, which no token can be named (a token's name has no colon), so the
 * seeds' decisions are told from a person's. What {@link TriagePlan} leaves to a person stays as the person left it.
 */
@ApplicationScoped
public class SeedTriage {

    /** How the actors of the seeds' triage begin. */
    public static final String ACTOR_PREFIX = "seed:";

    @Inject
    Clock clock;

    @Inject
    TranscriptService transcripts;

    @Inject
    TriageService triage;

    /** A seed file's transcript of a source: the text as the rules read it, and its media type. */
    public record SeedTranscript(Transcript transcript, String mediaType) {}

    /**
     * What applying did. {@code stored}: the transcript was stored (first, or replacing the seeds' own older one);
     * {@code kept}: a transcript a person stored, which differs from the seed's, was kept; {@code shared}: predictions
     * whose quote is another's, covered by that one's candidate.
     */
    public record Applied(
            boolean stored,
            boolean kept,
            int linked,
            int added,
            int dismissed,
            int reopened,
            long pending,
            List<String> shared,
            List<String> stale,
            List<String> unlinkable) {

        public boolean changedSomething() {
            return stored || linked + added + dismissed + reopened > 0;
        }
    }

    public static String actor(String sourceKey, int revision) {
        return ACTOR_PREFIX + sourceKey + "@" + revision;
    }

    /**
     * Applies the seed's transcript and decisions to the source, in the caller's transaction. With {@code revise}
     * false (the revision the database holds already) only a missing transcript is stored, with the decisions;
     * with {@code revise} (a newer revision) the seeds' own transcript is replaced when it differs, and the
     * decisions are applied again to what is open to them. Returns null when nothing was to be done.
     */
    public Applied apply(
            String sourceKey, Supplier<SeedTranscript> seed, SeedDecisions decisions, int revision, boolean revise) {
        String actor = actor(sourceKey, revision);
        StoredTranscript stored = StoredTranscript.of(sourceKey).orElse(null);
        boolean put = false;
        boolean kept = false;
        if (stored == null) {
            SeedTranscript t = seed.get();
            transcripts.put(sourceKey, t.transcript(), t.mediaType(), null, actor);
            put = true;
        } else if (!revise) {
            return null;
        } else {
            SeedTranscript t = seed.get();
            boolean same =
                    stored.sha256.equals(TranscriptService.sha256(t.transcript().text()));
            if (!same && stored.uploadedBy.startsWith(ACTOR_PREFIX)) {
                transcripts.put(sourceKey, t.transcript(), t.mediaType(), ExpectedVersion.of(stored.version), actor);
                put = true;
            } else {
                kept = !same;
            }
        }
        String body = StoredTranscript.<StoredTranscript>findById(sourceKey).body;
        List<StoredCandidate> rows = StoredCandidate.list("sourceKey = ?1 order by id", sourceKey);
        TriagePlan.Plan plan =
                TriagePlan.plan(body, rows.stream().map(SeedTriage::row).toList(), existing(sourceKey, decisions));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (Map.Entry<Long, String> l : plan.link().entrySet()) {
            StoredCandidate.<StoredCandidate>findById(l.getKey(), LockModeType.PESSIMISTIC_WRITE)
                    .acceptAs(l.getValue(), actor, now);
        }
        for (SeedDecisions.Link l : plan.add()) {
            CandidateView added =
                    triage.add(sourceKey, new NewCandidate(new NewCandidate.QuoteText(l.quote()), null), actor);
            StoredCandidate.<StoredCandidate>findById(added.id()).acceptAs(l.predictionKey(), actor, now);
        }
        for (Map.Entry<Long, SeedDecisions.Dismiss> d : plan.dismiss().entrySet()) {
            triage.dismiss(
                    sourceKey,
                    d.getKey(),
                    new Dismissal(d.getValue().reason(), d.getValue().note()),
                    actor);
        }
        for (Long id : plan.reopen()) {
            StoredCandidate.<StoredCandidate>findById(id, LockModeType.PESSIMISTIC_WRITE)
                    .reopen();
        }
        StoredCandidate.flush();
        long pending = StoredCandidate.count("sourceKey = ?1 and state = ?2", sourceKey, CandidateState.PENDING);
        return new Applied(
                put,
                kept,
                plan.link().size(),
                plan.add().size(),
                plan.dismiss().size(),
                plan.reopen().size(),
                pending,
                plan.shared(),
                plan.stale(),
                plan.unlinkable());
    }

    private static TriagePlan.Row row(StoredCandidate c) {
        return new TriagePlan.Row(
                c.id,
                c.quoteText,
                c.state,
                c.predictionKey,
                c.decidedBy != null && c.decidedBy.startsWith(ACTOR_PREFIX),
                c.dismissReason,
                c.dismissNote,
                c.orphaned);
    }

    /** The decisions less the links to predictions the database does not hold under the source (deleted ones). */
    private static SeedDecisions existing(String sourceKey, SeedDecisions decisions) {
        List<String> keys = decisions.links().stream()
                .map(SeedDecisions.Link::predictionKey)
                .toList();
        Set<String> held = new HashSet<>();
        if (!keys.isEmpty()) {
            held.addAll(Prediction.getEntityManager()
                    .createQuery(
                            "select p.key from Prediction p where p.source = :source and p.key in :keys", String.class)
                    .setParameter("source", sourceKey)
                    .setParameter("keys", keys)
                    .getResultList());
        }
        return new SeedDecisions(
                decisions.links().stream()
                        .filter(l -> held.contains(l.predictionKey()))
                        .toList(),
                decisions.dismissals());
    }
}
