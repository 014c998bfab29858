package app.hindsight.intake.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.hindsight.shared.NotFound;
import app.hindsight.source.SourceService;

/** Triage figures: of one source, and of the sources a speaker's record rests on. */
@ApplicationScoped
public class CoverageQueries {

    @Inject
    EntityManager em;

    @Inject
    SourceService sources;

    @Transactional
    public Coverage of(String sourceKey) {
        if (!sources.exists(sourceKey)) {
            throw new NotFound("source", sourceKey);
        }
        StoredTranscript transcript = StoredTranscript.of(sourceKey).orElse(null);
        List<Object[]> groups = em.createQuery(
                        "select c.state, c.dismissReason, c.manual, c.orphaned, count(c) from StoredCandidate c"
                                + " where c.sourceKey = ?1 group by c.state, c.dismissReason, c.manual, c.orphaned",
                        Object[].class)
                .setParameter(1, sourceKey)
                .getResultList();
        long all = 0, accepted = 0, pending = 0, manual = 0, orphaned = 0, dismissed = 0;
        Map<DismissReason, Long> byReason = new EnumMap<>(DismissReason.class);
        for (Object[] g : groups) {
            long n = (Long) g[4];
            all += n;
            manual += Boolean.TRUE.equals(g[2]) ? n : 0;
            orphaned += Boolean.TRUE.equals(g[3]) ? n : 0;
            switch ((CandidateState) g[0]) {
                case PENDING -> pending += n;
                case ACCEPTED -> accepted += n;
                case DISMISSED -> {
                    dismissed += n;
                    byReason.merge((DismissReason) g[1], n, Long::sum);
                }
            }
        }
        boolean fully = transcript != null && pending == 0;
        Instant at = null;
        String by = null;
        if (fully) {
            at = transcript.uploadedAt;
            by = transcript.uploadedBy;
            List<Object[]> last = em.createQuery(
                            "select c.decidedAt, c.decidedBy from StoredCandidate c where c.sourceKey = ?1"
                                    + " and c.decidedAt is not null order by c.decidedAt desc, c.id desc",
                            Object[].class)
                    .setParameter(1, sourceKey)
                    .setMaxResults(1)
                    .getResultList();
            if (!last.isEmpty() && ((Instant) last.get(0)[0]).isAfter(at)) {
                at = (Instant) last.get(0)[0];
                by = (String) last.get(0)[1];
            }
        }
        return new Coverage(
                transcript == null ? null : Coverage.TranscriptSummary.of(transcript),
                all,
                accepted,
                new Coverage.Dismissed(dismissed, byReason),
                pending,
                manual,
                orphaned,
                fully,
                at,
                by);
    }

    /** How far a source is triaged, in brief: a row of a list of sources. */
    public record Tally(boolean transcript, long candidates, long pending, long accepted, long dismissed) {

        public boolean fullyTriaged() {
            return transcript && pending == 0;
        }
    }

    /** The tally of each of these sources (those without a transcript or candidate too), in two queries. */
    @Transactional
    public Map<String, Tally> tallies(Collection<String> sourceKeys) {
        Map<String, Tally> tallies = new HashMap<>();
        if (sourceKeys.isEmpty()) {
            return tallies;
        }
        List<String> withTranscript = em.createQuery(
                        "select t.sourceKey from StoredTranscript t where t.sourceKey in ?1", String.class)
                .setParameter(1, sourceKeys)
                .getResultList();
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] g : em.createQuery(
                        "select c.sourceKey, c.state, count(c) from StoredCandidate c where c.sourceKey in ?1"
                                + " group by c.sourceKey, c.state",
                        Object[].class)
                .setParameter(1, sourceKeys)
                .getResultList()) {
            counts.computeIfAbsent((String) g[0], k -> new long[CandidateState.values().length])[
                            ((CandidateState) g[1]).ordinal()] +=
                    (Long) g[2];
        }
        for (String key : sourceKeys) {
            long[] n = counts.getOrDefault(key, new long[CandidateState.values().length]);
            long pending = n[CandidateState.PENDING.ordinal()];
            long accepted = n[CandidateState.ACCEPTED.ordinal()];
            long dismissed = n[CandidateState.DISMISSED.ordinal()];
            tallies.put(
                    key,
                    new Tally(
                            withTranscript.contains(key),
                            pending + accepted + dismissed,
                            pending,
                            accepted,
                            dismissed));
        }
        return tallies;
    }

    /**
     * The sources a speaker (named in any case) is the speaker of, or that any of their predictions name, in the
     * caller's transaction.
     */
    public SourceTriage ofSpeaker(String speaker) {
        String lower = speaker.toLowerCase(Locale.ROOT);
        return SourceTriage.of(sourcesOf(List.of(lower)).getOrDefault(lower, List.of()));
    }

    /** A source a speaker's record rests on, and how far it is triaged. */
    public record SpeakerSource(String key, boolean transcript, boolean fullyTriaged) {}

    /**
     * For each of these speakers (named in lower case), the sources they are the speaker of or that any of their
     * predictions name, by key; in one query. A speaker without one has no entry.
     */
    @Transactional
    public Map<String, List<SpeakerSource>> sourcesOf(Collection<String> speakers) {
        Map<String, List<SpeakerSource>> sources = new HashMap<>();
        if (speakers.isEmpty()) {
            return sources;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x.speaker, s.slug,"
                        + " (select count(*) from transcript t where t.source_key = s.slug),"
                        + " (select count(*) from candidate c where c.source_key = s.slug and c.state = 'PENDING')"
                        + " from (select lower(speaker) as speaker, slug from source where lower(speaker) in (:speakers)"
                        + " union select speaker_lower, source_key from prediction"
                        + " where speaker_lower in (:speakers) and source_key is not null) x"
                        + " join source s on s.slug = x.slug order by x.speaker, s.slug")
                .setParameter("speakers", speakers)
                .getResultList();
        for (Object[] row : rows) {
            boolean transcript = ((Number) row[2]).longValue() > 0;
            sources.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new SpeakerSource(
                            (String) row[1], transcript, transcript && ((Number) row[3]).longValue() == 0));
        }
        return sources;
    }
}
