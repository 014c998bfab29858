package app.hindsight.desk;

import java.util.List;

import app.hindsight.intake.store.CoverageQueries.SpeakerSource;
import app.hindsight.intake.store.SourceTriage;
import app.hindsight.trackrecord.SpeakerRow;

/**
 * A speaker's row on the desk: the track record, and how many of the sources it rests on are fully triaged, with the
 * first of those that are not (a record drawn from sources nobody read through could be cherry-picked: the page says
 * so and leads to them).
 */
public record SpeakerLine(SpeakerRow record, SourceTriage sources, List<String> notTriaged, int moreNotTriaged) {

    /** Sources not fully triaged a row names at most; the speaker's list of sources has the others. */
    static final int NAMED = 5;

    static SpeakerLine of(SpeakerRow record, List<SpeakerSource> sources) {
        List<String> open = sources.stream()
                .filter(s -> !s.fullyTriaged())
                .map(SpeakerSource::key)
                .toList();
        return new SpeakerLine(
                record,
                SourceTriage.of(sources),
                open.subList(0, Math.min(NAMED, open.size())),
                Math.max(0, open.size() - NAMED));
    }
}
