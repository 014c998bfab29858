package app.hindsight.seed;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.intake.store.SeedDecisions;
import app.hindsight.intake.store.SeedTriage;
import app.hindsight.intake.store.SeedTriage.SeedTranscript;
import app.hindsight.intake.store.TranscriptFormat;
import app.hindsight.intake.store.TranscriptReader;
import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.seed.ImportService.Checked;
import app.hindsight.seed.SeedFiles.SeedFile;
import app.hindsight.shared.InvalidInput;
import app.hindsight.source.NewSource;
import io.quarkus.logging.Log;

/**
 * The seed files' transcripts and triage: each transcript is read from beside its seed file (as an upload of its
 * media type is read) whenever the file is loaded, so a missing or unreadable one makes the seed file invalid on every
 * start; {@link SeedTriage} applies them in the seed revision's transaction.
 */
@ApplicationScoped
class SeedIntakes {

    @Inject
    TranscriptReader reader;

    @Inject
    SeedTriage triage;

    /** Each source's transcript, by source key; an {@link InvalidInput} naming the file when one cannot be read. */
    Map<String, SeedTranscript> read(SeedFile file, Checked checked) {
        Map<String, SeedTranscript> read = new HashMap<>();
        for (NewSource source : checked.sources()) {
            SeedIntake intake = checked.intakes().get(source.key());
            if (intake == null || intake.transcript() == null) {
                continue;
            }
            SeedIntake.TranscriptFile t = intake.transcript();
            byte[] bytes;
            try {
                bytes = file.sibling().read(t.file());
            } catch (IOException e) {
                throw InvalidInput.of("transcript.file", "of source " + source.key() + ": " + e.getMessage());
            }
            TranscriptFormat format =
                    TranscriptFormat.of(t.mediaTypeOrDefault()).orElseThrow();
            String lang = t.language() != null ? t.language() : source.language();
            try {
                read.put(source.key(), new SeedTranscript(reader.read(format, bytes, lang), format.mediaType));
            } catch (InvalidInput e) {
                throw InvalidInput.of(
                        "transcript.file", "of source " + source.key() + ", " + t.file() + ": " + e.errors());
            }
        }
        return read;
    }

    /**
     * Applies the source's transcript and decisions: its predictions in the file (by their quotes) and its triage.
     * {@code revise}: a newer revision; else only a missing transcript is stored.
     */
    void apply(
            String file,
            String source,
            SeedTranscript transcript,
            SeedIntake intake,
            List<NewPrediction> predictions,
            int revision,
            boolean revise) {
        SeedDecisions decisions = new SeedDecisions(
                predictions.stream()
                        .filter(p -> source.equals(p.source())
                                && p.quote() != null
                                && p.quote().text() != null)
                        .map(p -> new SeedDecisions.Link(p.key(), p.quote().text()))
                        .toList(),
                intake.triage() == null
                        ? List.of()
                        : intake.triage().stream()
                                .map(t -> new SeedDecisions.Dismiss(t.quote(), t.dismiss(), t.note()))
                                .toList());
        SeedTriage.Applied applied = triage.apply(source, () -> transcript, decisions, revision, revise);
        if (applied == null) {
            return;
        }
        if (applied.changedSomething()) {
            Log.infof(
                    "Seeds %s: the transcript of %s %s; candidates: %d linked to their predictions, %d added by hand "
                            + "and linked, %d dismissed, %d reopened; %d prediction(s) share another's quote and "
                            + "candidate",
                    file,
                    source,
                    applied.stored() ? "stored" : "kept",
                    applied.linked(),
                    applied.added(),
                    applied.dismissed(),
                    applied.reopened(),
                    applied.shared().size());
        }
        if (applied.kept()) {
            Log.warnf(
                    "Seeds %s: the transcript of %s that a person stored differs from the seed file's; it is kept",
                    file, source);
        }
        if (applied.pending() > 0) {
            Log.warnf(
                    "Seeds %s: %d candidate(s) of %s are PENDING after the seeds' triage: the rules found them, and "
                            + "the seed file neither seeds a prediction for them nor dismisses them (GET "
                            + "/api/v1/sources/%s/candidates?state=PENDING lists them)",
                    file, applied.pending(), source, source);
        }
        if (!applied.stale().isEmpty()) {
            Log.warnf(
                    "Seeds %s: %d dismissal(s) of %s match no candidate: %s",
                    file, applied.stale().size(), source, applied.stale());
        }
        if (!applied.unlinkable().isEmpty()) {
            Log.warnf(
                    "Seeds %s: %d prediction(s) of %s have no candidate: %s",
                    file, applied.unlinkable().size(), source, applied.unlinkable());
        }
    }
}
