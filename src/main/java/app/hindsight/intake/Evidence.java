package app.hindsight.intake;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;

/**
 * What the lexicon found in a stretch of text and in the labels heading it, and what follows from that: the score
 * (a noisy-or of the cues' weights, each cue an independent reason to look forward, lowered by past markers), the
 * hedge, the proposed kind and target.
 */
record Evidence(List<Cue> cues, List<LexiconMatch> own) {

    /** The cue kinds that make a sentence look forward. */
    static final Set<CueKind> FORWARD = EnumSet.of(
            CueKind.FUTURE_MODAL, CueKind.TIME_MARKER, CueKind.QUANTITY, CueKind.COMMITMENT, CueKind.NORMATIVE);

    /**
     * @param inText the matches inside the stretch itself
     * @param inLabels the matches inside the labels heading it (only forward cues and hedges count there)
     */
    static Evidence of(List<LexiconMatch> inText, List<LexiconMatch> inLabels) {
        List<Cue> cues = new ArrayList<>();
        List<LexiconMatch> own = new ArrayList<>();
        for (LexiconMatch m : inLabels) {
            if (FORWARD.contains(m.kind()) || m.kind().isHedge()) {
                cues.add(cue(m, true));
            }
        }
        for (LexiconMatch m : inText) {
            if (m.kind() != CueKind.IGNORE && m.kind() != CueKind.NARRATION) {
                cues.add(cue(m, false));
                own.add(m);
            }
        }
        return new Evidence(cues, own);
    }

    private static Cue cue(LexiconMatch m, boolean inLabel) {
        return new Cue(
                m.kind(), m.text(), m.entry().origin(), m.span(), m.entry().weight(), inLabel);
    }

    Evidence plus(Evidence other) {
        List<Cue> cues = new ArrayList<>(this.cues);
        other.cues.stream().filter(c -> !cues.contains(c)).forEach(cues::add);
        List<LexiconMatch> own = new ArrayList<>(this.own);
        own.addAll(other.own);
        return new Evidence(cues, own);
    }

    double score() {
        double notForward = 1;
        double notPast = 1;
        for (Cue cue : cues) {
            if (cue.kind() == CueKind.PAST) {
                notPast *= 1 - cue.weight();
            } else if (FORWARD.contains(cue.kind()) || cue.kind().isHedge()) {
                notForward *= 1 - cue.weight();
            }
        }
        return Math.round((1 - notForward) * notPast * 100) / 100.0;
    }

    /** The most guarded hedge word in the text itself sets the grade. */
    Hedge hedge() {
        HedgeGrade grade = HedgeGrade.UNHEDGED;
        Set<String> words = new LinkedHashSet<>();
        for (LexiconMatch m : own) {
            if (m.kind().isHedge()) {
                words.add(m.text());
                HedgeGrade said = HedgeGrade.valueOf(m.kind().name());
                if (grade == HedgeGrade.UNHEDGED || said.ordinal() > grade.ordinal()) {
                    grade = said;
                }
            }
        }
        return new Hedge(grade, List.copyOf(words));
    }

    /** The first time the words name explicitly, else the first a rule inferred, else none. */
    Target target() {
        Target inferred = null;
        for (LexiconMatch m : own) {
            if (m.target() != null) {
                if (m.target().basis() == Basis.EXPLICIT) {
                    return m.target();
                }
                if (inferred == null) {
                    inferred = m.target();
                }
            }
        }
        return inferred;
    }

    /**
     * A commitment word makes a COMMITMENT, else a normative one a STANCE, else anything forward a FORECAST; a
     * quantity or comparison alone, with nothing forward, is a CLAIM about the present.
     */
    Kind kind() {
        Set<CueKind> kinds = EnumSet.noneOf(CueKind.class);
        own.forEach(m -> kinds.add(m.kind()));
        if (kinds.contains(CueKind.COMMITMENT)) {
            return Kind.COMMITMENT;
        }
        if (kinds.contains(CueKind.NORMATIVE)) {
            return Kind.STANCE;
        }
        boolean forward = cues.stream()
                .anyMatch(c -> c.kind() != CueKind.QUANTITY
                        && c.kind() != CueKind.PAST
                        && (FORWARD.contains(c.kind()) || c.kind().isHedge()));
        return forward ? Kind.FORECAST : Kind.CLAIM;
    }
}
