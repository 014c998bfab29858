package app.hindsight.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.intake.store.CandidateState;
import app.hindsight.intake.store.CandidateView;
import app.hindsight.intake.store.Coverage;
import app.hindsight.intake.store.CoverageQueries;
import app.hindsight.intake.store.DismissReason;
import app.hindsight.intake.store.TranscriptService;
import app.hindsight.intake.store.TranscriptView;
import app.hindsight.intake.store.TriageService;
import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Precision;
import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Paged;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;

/**
 * The desk's intake pages, from the intake services: a source's transcript with its candidates in place, a part at a
 * time, and the list of sources with how far each is triaged. Every read is one query or a grouped one, whatever the
 * number of candidates.
 */
@ApplicationScoped
public class IntakeDesk {

    /** Candidates' cards a part of the transcript shows at most (a two-hour talk has about a thousand). */
    static final int CARDS_PER_PART = 100;

    /** Characters of text a part shows at most, so that a long stretch without candidates is paged too. */
    static final int CHARS_PER_PART = 40_000;

    /** A source's intake page: its transcript's part {@code part} of {@code parts}, or the form to add one. */
    public record IntakePage(
            SourceView source,
            Coverage coverage,
            TranscriptView transcript,
            String etag,
            List<Highlights.Block> blocks,
            List<CandidateView> orphaned,
            boolean pendingOnly,
            int part,
            int parts,
            int shown) {

        /** Whether the candidate has its card on this page (the filter leaves the decided ones out). */
        public boolean shows(CandidateView c) {
            return !pendingOnly || c.state() == CandidateState.PENDING;
        }

        /** This page's address for another part, with the same filter. */
        public String partLink(int n) {
            return "/desk/sources/" + source.key() + "?part=" + n + (pendingOnly ? "&state=PENDING" : "");
        }

        public int cardsPerPart() {
            return CARDS_PER_PART;
        }

        public List<DismissReason> reasons() {
            return List.of(DismissReason.values());
        }

        public List<Kind> kinds() {
            return List.of(Kind.values());
        }

        public List<Precision> precisions() {
            return List.of(Precision.values());
        }

        public List<Basis> bases() {
            return List.of(Basis.values());
        }
    }

    /** A source as the list shows it, with its tally. */
    public record SourceRow(SourceView source, CoverageQueries.Tally tally) {}

    public record SourcesPage(List<SourceRow> rows, String speaker, String next) {}

    @Inject
    SourceService sources;

    @Inject
    TranscriptService transcripts;

    @Inject
    TriageService triage;

    @Inject
    CoverageQueries coverage;

    /**
     * @param candidateParam a candidate's id: without a part, the page shows the part that has its card (where the
     *     desk goes after a span is added by hand, which may lie in another part than the one the editor was on)
     */
    IntakePage page(String key, String partParam, String stateParam, String candidateParam) {
        boolean pendingOnly = pendingOnly(stateParam);
        int wanted = part(partParam);
        long candidate = candidateParam == null || candidateParam.isBlank() ? -1 : candidate(candidateParam);
        SourceView source = sources.get(key);
        Coverage figures = coverage.of(key);
        TranscriptView transcript = transcripts.find(key).orElse(null);
        if (transcript == null) {
            return new IntakePage(source, figures, null, null, List.of(), List.of(), pendingOnly, 1, 1, 0);
        }
        Highlights.Layout layout = Highlights.of(transcript.text(), transcript.segments(), triage.all(key));
        List<List<Highlights.Block>> parts = new ArrayList<>();
        List<Highlights.Block> current = new ArrayList<>();
        int cards = 0;
        int chars = 0;
        int shown = 0;
        int partOfCandidate = 0;
        for (Highlights.Block block : layout.blocks()) {
            List<Highlights.Card> kept = pendingOnly
                    ? block.cards().stream()
                            .filter(c -> c.candidate().state() == CandidateState.PENDING)
                            .toList()
                    : block.cards();
            if (!current.isEmpty() && (cards + kept.size() > CARDS_PER_PART || chars >= CHARS_PER_PART)) {
                parts.add(current);
                current = new ArrayList<>();
                cards = 0;
                chars = 0;
            }
            current.add(new Highlights.Block(block.locator(), block.at(), block.pieces(), kept));
            if (kept.stream().anyMatch(c -> c.candidate().id() == candidate)) {
                partOfCandidate = parts.size() + 1;
            }
            cards += kept.size();
            shown += kept.size();
            chars += block.pieces().stream().mapToInt(p -> p.text().length()).sum();
        }
        parts.add(current);
        if ((partParam == null || partParam.isBlank()) && partOfCandidate > 0) {
            wanted = partOfCandidate;
        }
        int part = Math.min(wanted, parts.size());
        List<CandidateView> orphaned = layout.orphaned().stream()
                .filter(c -> !pendingOnly || c.state() == CandidateState.PENDING)
                .toList();
        return new IntakePage(
                source,
                figures,
                transcript,
                ExpectedVersion.tag(transcript.version()),
                parts.get(part - 1),
                part == parts.size() ? orphaned : List.of(),
                pendingOnly,
                part,
                parts.size(),
                shown + orphaned.size());
    }

    /** The sources after the id {@code after}; {@code cursorAfter} writes the next page's cursor, as the API does. */
    SourcesPage sources(String speakerParam, long after, LongFunction<String> cursorAfter) {
        String speaker = speakerParam == null || speakerParam.isBlank() ? null : speakerParam.strip();
        Paged<SourceView> page = sources.list(after, Paged.DEFAULT_LIMIT, speaker);
        Map<String, CoverageQueries.Tally> tallies =
                coverage.tallies(page.items().stream().map(SourceView::key).toList());
        return new SourcesPage(
                page.items().stream()
                        .map(s -> new SourceRow(s, tallies.get(s.key())))
                        .toList(),
                speaker,
                page.nextAfter() == null ? null : cursorAfter.apply(page.nextAfter()));
    }

    private static boolean pendingOnly(String state) {
        if (state == null || state.isBlank()) {
            return false;
        }
        if (state.strip().toUpperCase(Locale.ROOT).equals("PENDING")) {
            return true;
        }
        throw InvalidInput.of("state", "'" + state + "' is not a filter of this page: PENDING, or none");
    }

    private static long candidate(String id) {
        try {
            long n = Long.parseLong(id.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw InvalidInput.of("candidate", "'" + id + "' is not a candidate's id: 1, 2, ...");
    }

    private static int part(String part) {
        if (part == null || part.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(part.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw InvalidInput.of("part", "'" + part + "' is not a part of the transcript: 1, 2, ...");
    }
}
