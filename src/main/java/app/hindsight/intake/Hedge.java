package app.hindsight.intake;

import java.util.List;

/** The speaker's certainty and the words that set it (empty when {@link HedgeGrade#UNHEDGED}). */
public record Hedge(HedgeGrade grade, List<String> words) {

    public Hedge {
        words = List.copyOf(words);
    }
}
