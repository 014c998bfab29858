package app.hindsight.intake.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.hindsight.intake.Span;

/**
 * Where decided candidates' quotes stand in a replacing transcript: each quote, verbatim, at the occurrence nearest
 * to where it stood before (a transcript corrected here and there keeps its order), no two on the same occurrence;
 * null where the text no longer holds it.
 */
final class Reanchor {

    /** A decided candidate's quote and where it started in the old text (null if it was orphaned already). */
    record Anchored(String quote, Integer oldStart) {}

    private Reanchor() {}

    static List<Span> spans(String text, List<Anchored> decided) {
        Set<Integer> taken = new HashSet<>();
        List<Span> spans = new ArrayList<>(decided.size());
        for (Anchored a : decided) {
            int best = -1;
            int near = a.oldStart() == null ? 0 : a.oldStart();
            for (int at = text.indexOf(a.quote()); at >= 0; at = text.indexOf(a.quote(), at + 1)) {
                if (!taken.contains(at) && (best < 0 || Math.abs(at - near) < Math.abs(best - near))) {
                    best = at;
                }
            }
            if (best < 0 || a.quote().isEmpty()) {
                spans.add(null);
            } else {
                taken.add(best);
                spans.add(new Span(best, best + a.quote().length()));
            }
        }
        return spans;
    }

    /** Whether two spans share a character. */
    static boolean overlap(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
