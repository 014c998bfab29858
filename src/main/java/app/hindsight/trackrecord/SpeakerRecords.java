package app.hindsight.trackrecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.forecast.ScoreQueries;
import app.hindsight.forecast.ScoreQueries.CrowdFigures;
import app.hindsight.intake.store.CoverageQueries;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.SpeakerNames;
import app.hindsight.prediction.store.SpeakerDirectory;
import app.hindsight.shared.NotFound;

/** Speakers' track records: the database counts by group, {@link TrackRecord} does the arithmetic. */
@ApplicationScoped
public class SpeakerRecords {

    private static final String ONE_SPEAKER = "and p.speaker_lower = :speaker";

    @Inject
    TrackQueries queries;

    @Inject
    ScoreQueries scores;

    @Inject
    CoverageQueries coverage;

    @Inject
    SpeakerDirectory directory;

    /** Every speaker, by name (ignoring case); their figures count FINAL verdicts only unless asked. */
    @Transactional
    public List<SpeakerView> all(boolean includeProvisional) {
        List<TrackQueries.GroupCount> counts = queries.counts("p.speaker_lower", "", Map.of());
        String verdicts = ScoreQueries.verdicts(includeProvisional);
        Map<String, TrackRecord> records = records(
                counts, scores.crowd(verdicts, Map.of(), "p.speaker_lower"), Function.identity(), includeProvisional);
        Map<String, String> names = TrackQueries.names(counts);
        List<SpeakerView> speakers = new ArrayList<>();
        records.forEach(
                (lower, record) -> speakers.add(new SpeakerView(names.get(lower), record, null, null, null, null)));
        return speakers;
    }

    /** One speaker, named in any case, with the figures by kind and topic and the latest resolved calls. */
    @Transactional
    public SpeakerView one(String name, int resolvedLimit) {
        return find(name, resolvedLimit, false).orElseThrow(() -> new NotFound("speaker", name));
    }

    /**
     * The speaker whose name is exactly this one, ignoring case; else the one speaker whose name it is a part of
     * ({@link SpeakerNames}): the name to use instead. Several or none: an {@link UnknownSpeaker} suggesting names.
     */
    @Transactional
    public String canonical(String name) {
        if (!queries.counts("p.speaker_lower", ONE_SPEAKER, Map.of("speaker", name.toLowerCase(Locale.ROOT)))
                .isEmpty()) {
            return name;
        }
        List<String> fits = directory.matching(name);
        if (fits.size() == 1) {
            return fits.get(0);
        }
        throw new UnknownSpeaker(name, fits, fits.isEmpty() ? directory.nearest(name) : fits);
    }

    /** One speaker named exactly so (in any case), if any; the figures count FINAL verdicts only unless asked. */
    @Transactional
    public Optional<SpeakerView> find(String name, int resolvedLimit, boolean includeProvisional) {
        String lower = name.toLowerCase(Locale.ROOT);
        Map<String, Object> speaker = Map.of("speaker", lower);
        List<TrackQueries.GroupCount> counts = queries.counts("p.speaker_lower", ONE_SPEAKER, speaker);
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        String scored = ONE_SPEAKER + ScoreQueries.verdicts(includeProvisional);
        TrackRecord overall = records(
                        counts,
                        scores.crowd(scored, speaker, "p.speaker_lower"),
                        Function.identity(),
                        includeProvisional)
                .get(lower);
        Map<Kind, TrackRecord> byKind = records(
                queries.counts("p.kind", ONE_SPEAKER, speaker),
                scores.crowd(scored, speaker, "p.kind"),
                Kind::valueOf,
                includeProvisional);
        Map<String, TrackRecord> byTopic = records(
                queries.counts("t.topic", ONE_SPEAKER, speaker),
                scores.crowd(scored, speaker, "t.topic"),
                Function.identity(),
                includeProvisional);
        Map<Long, Double> crowdAtClose = scores.crowdAtClose(ONE_SPEAKER, speaker);
        List<SpeakerView.ResolvedCall> resolved = queries.resolved(lower, resolvedLimit).stream()
                .map(r -> new SpeakerView.ResolvedCall(
                        r.key(), r.statement(), r.kind(), r.outcome(), r.resolvedOn(), crowdAtClose.get(r.id())))
                .toList();
        return Optional.of(new SpeakerView(
                TrackQueries.names(counts).get(lower), overall, byKind, byTopic, resolved, coverage.ofSpeaker(lower)));
    }

    /**
     * The groups' records, in the order of their keys, from the counts and the crowd's figures per group; verdicts
     * not final yet are left out of the outcomes (and counted as such) unless {@code includeProvisional}.
     */
    static <K extends Comparable<K>> Map<K, TrackRecord> records(
            List<TrackQueries.GroupCount> counts,
            Map<String, CrowdFigures> crowd,
            Function<String, K> key,
            boolean includeProvisional) {
        Map<String, TrackRecord.Counts> byGroup = new LinkedHashMap<>();
        for (TrackQueries.GroupCount c : counts) {
            TrackRecord.Counts group = byGroup.computeIfAbsent(c.group(), g -> new TrackRecord.Counts());
            if (c.provisional() && !includeProvisional) {
                group.excludeProvisional(c.status(), c.count());
            } else {
                group.add(c.status(), c.outcome(), c.voidReason(), c.count());
            }
        }
        Map<K, TrackRecord> records = new TreeMap<>();
        byGroup.forEach((group, n) ->
                records.put(key.apply(group), TrackRecord.of(n, crowd.getOrDefault(group, CrowdFigures.NONE))));
        return records;
    }
}
