package app.hindsight.desk;

import java.util.ArrayList;
import java.util.List;

import app.hindsight.intake.Span;
import app.hindsight.intake.store.CandidateView;
import app.hindsight.intake.store.Placed;
import app.hindsight.intake.store.TranscriptView.SegmentView;

/**
 * A transcript laid out for the desk's intake page: the text in blocks, one a segment (with the text between it and
 * the one before, such as a heading's marks or a speaker's label, so that every character is shown), each candidate's
 * quote marked where it is, and each candidate's card under the block where its quote starts. The pieces are plain
 * text; the template escapes them.
 */
final class Highlights {

    /**
     * A run of text, marked when it is (part of) a candidate's quote: {@code first} on the piece that carries the
     * mark's id, {@code last} on the one the link to the card follows (a quote may run across two captions).
     */
    record Piece(String text, CandidateView candidate, boolean first, boolean last) {}

    /**
     * A candidate under its block; {@code marked} false when its quote lies inside another's highlight (a span added by
     * hand over words the rules found), which is then the one shown in the text; {@code start} is its offset.
     */
    record Card(CandidateView candidate, boolean marked, int start) {}

    /**
     * A segment's text in pieces, and the cards of the candidates that start in it; {@code at} is the offset in the
     * text of its first piece, so that the desk's script can tell which words of the transcript a person selected.
     */
    record Block(String locator, int at, List<Piece> pieces, List<Card> cards) {}

    /** The layout: the blocks in order, and the candidates whose quote is no longer in the text. */
    record Layout(List<Block> blocks, List<CandidateView> orphaned) {}

    private record Mark(CandidateView candidate, int start, int end) {}

    private Highlights() {}

    /**
     * @param segments in the order of the text, as stored
     * @param placed in the order of their start, the orphaned (no span) last
     */
    static Layout of(String text, List<SegmentView> segments, List<Placed> placed) {
        List<Mark> marks = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        List<CandidateView> orphaned = new ArrayList<>();
        int markedTo = 0;
        for (Placed p : placed) {
            Span span = p.span();
            if (span == null || span.end() > text.length()) {
                orphaned.add(p.candidate());
                continue;
            }
            int start = Math.max(span.start(), markedTo);
            boolean marked = start < span.end();
            if (marked) {
                marks.add(new Mark(p.candidate(), start, span.end()));
                markedTo = span.end();
            }
            cards.add(new Card(p.candidate(), marked, span.start()));
        }

        List<Block> blocks = new ArrayList<>();
        int from = 0;
        int m = 0;
        int c = 0;
        for (int i = 0; i < Math.max(1, segments.size()); i++) {
            boolean lastBlock = i >= segments.size() - 1;
            int to = lastBlock
                    ? text.length()
                    : Math.max(from, Math.min(text.length(), segments.get(i).end()));
            String locator = segments.isEmpty() ? null : segments.get(i).locator();
            List<Piece> pieces = new ArrayList<>();
            int at = from;
            // A mark begun in the block before continues here.
            while (m < marks.size() && marks.get(m).start() < to) {
                Mark mark = marks.get(m);
                if (mark.start() > at) {
                    pieces.add(new Piece(text.substring(at, mark.start()), null, false, false));
                    at = mark.start();
                }
                int end = Math.min(mark.end(), to);
                pieces.add(new Piece(text.substring(at, end), mark.candidate(), at == mark.start(), end == mark.end()));
                at = end;
                if (end < mark.end()) {
                    break;
                }
                m++;
            }
            if (at < to) {
                pieces.add(new Piece(text.substring(at, to), null, false, false));
            }
            List<Card> here = new ArrayList<>();
            while (c < cards.size() && (lastBlock || cards.get(c).start() < to)) {
                here.add(cards.get(c++));
            }
            int leading = pieces.isEmpty() || pieces.get(0).candidate() != null
                    ? 0
                    : pieces.get(0).text().length()
                            - pieces.get(0).text().stripLeading().length();
            blocks.add(new Block(locator, from + leading, trim(pieces), here));
            from = to;
        }
        return new Layout(blocks, orphaned);
    }

    /** The blank lines that separate blocks in the text are the blocks' own borders on the page. */
    private static List<Piece> trim(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces);
        if (!out.isEmpty() && out.get(0).candidate() == null) {
            out.set(0, new Piece(out.get(0).text().stripLeading(), null, false, false));
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).candidate() == null) {
            out.set(last, new Piece(out.get(last).text().stripTrailing(), null, false, false));
        }
        out.removeIf(p -> p.text().isEmpty());
        return out;
    }
}
