package app.hindsight.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the forward-looking sentences of a transcript. Each sentence (or clause of a long one) of a body segment is
 * scored from the lexicon entries that match in it and in the labels heading it; those scoring at least
 * {@link #THRESHOLD} become candidates. Headings never do; nor do segments whose label marks narration or a question
 * put to the speaker (Q:, 疑問), nor questions. A speaker's own question right before a forward sentence is kept
 * with it, as the claim answers it; a bullet item of at most {@link #SHORT_ITEM} sentences is proposed whole, as it
 * makes one point. Thread-safe; the lexicons load once.
 */
public final class CandidateFinder {

    /** The score from which a sentence is proposed: one clear cue (will, 將, should) is enough, two weak ones too. */
    public static final double THRESHOLD = 0.5;

    /** A bullet item of this many sentences or fewer makes one point: it is proposed whole. */
    static final int SHORT_ITEM = 2;

    private static final Pattern QUESTION = Pattern.compile("[?？][\\s)）」』\"'”’*]*$");

    private CandidateFinder() {}

    /** Candidates in plain text (see {@link Transcript#ofText}) said on {@code said}, in text order. */
    public static List<Candidate> find(String text, String lang, LocalDate said) {
        return find(Transcript.ofText(text, lang), said);
    }

    /** Candidates in a transcript said on {@code said}, in text order; none for a language without a lexicon. */
    public static List<Candidate> find(Transcript transcript, LocalDate said) {
        Optional<Lexicon> lexicon = Lexicon.forLanguage(transcript.lang());
        if (lexicon.isEmpty()) {
            return List.of();
        }
        List<LexiconMatch> matches = lexicon.get().find(transcript.text(), said);
        List<Unit> units = units(transcript, SentenceSplitter.split(transcript), matches);
        return group(transcript, units);
    }

    /** Whether a language tag has a lexicon, i.e. whether {@link #find} can propose anything for it. */
    public static boolean supports(String lang) {
        return Lexicon.forLanguage(lang).isPresent();
    }

    private record Unit(Sentence sentence, Evidence evidence, boolean question, boolean narrated) {
        boolean forward() {
            return !question && !narrated && evidence.score() >= THRESHOLD;
        }
    }

    private static List<Unit> units(Transcript transcript, List<Sentence> sentences, List<LexiconMatch> matches) {
        List<Unit> units = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            Segment segment = transcript.segments().get(sentence.segment());
            List<LexiconMatch> inLabels = new ArrayList<>();
            boolean narrated = false;
            for (Span label : segment.labels()) {
                for (LexiconMatch m : within(matches, label)) {
                    narrated |= m.kind() == CueKind.NARRATION && m.span().equals(label);
                    inLabels.add(m);
                }
            }
            Evidence evidence = Evidence.of(within(matches, sentence.span()), inLabels);
            boolean question =
                    QUESTION.matcher(transcript.text(sentence.span())).find();
            units.add(new Unit(sentence, evidence, question, narrated));
        }
        return units;
    }

    private static List<Candidate> group(Transcript transcript, List<Unit> units) {
        List<Candidate> candidates = new ArrayList<>();
        int i = 0;
        while (i < units.size()) {
            Unit unit = units.get(i);
            if (!unit.forward()) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            Unit before = i > 0 ? units.get(i - 1) : null;
            if (before != null && before.question() && !before.narrated() && sameSegment(before, unit)) {
                first = i - 1;
            }
            Segment segment = transcript.segments().get(unit.sentence().segment());
            if (segment.role() == Segment.Role.ITEM) {
                int itemFirst = first;
                int itemLast = last;
                while (itemFirst > 0 && sameSegment(units.get(itemFirst - 1), unit)) {
                    itemFirst--;
                }
                while (itemLast + 1 < units.size() && sameSegment(units.get(itemLast + 1), unit)) {
                    itemLast++;
                }
                if (itemLast - itemFirst < SHORT_ITEM) {
                    first = itemFirst;
                    last = itemLast;
                }
            }
            candidates.add(candidate(transcript, units.subList(first, last + 1)));
            i = last + 1;
        }
        return Collections.unmodifiableList(candidates);
    }

    private static boolean sameSegment(Unit a, Unit b) {
        return a.sentence().segment() == b.sentence().segment();
    }

    private static Candidate candidate(Transcript transcript, List<Unit> units) {
        Evidence evidence = units.get(0).evidence();
        for (Unit unit : units.subList(1, units.size())) {
            evidence = evidence.plus(unit.evidence());
        }
        Span span = new Span(
                units.get(0).sentence().span().start(),
                units.get(units.size() - 1).sentence().span().end());
        Quote quote = new Quote(
                transcript.text(span),
                transcript.lang(),
                units.get(0).sentence().locator());
        return new Candidate(
                quote, span, evidence.cues(), evidence.hedge(), evidence.target(), evidence.kind(), evidence.score());
    }

    /** The matches lying wholly inside the span; {@code matches} is in text order. */
    private static List<LexiconMatch> within(List<LexiconMatch> matches, Span span) {
        int low = 0;
        int high = matches.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (matches.get(mid).span().start() < span.start()) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<LexiconMatch> inside = new ArrayList<>();
        for (int i = low; i < matches.size() && matches.get(i).span().start() < span.end(); i++) {
            if (matches.get(i).span().end() <= span.end()) {
                inside.add(matches.get(i));
            }
        }
        return inside;
    }
}
