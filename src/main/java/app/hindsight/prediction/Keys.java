package app.hindsight.prediction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Slugs: the keys of predictions and sources. */
public final class Keys {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be lower-case letters, digits and single hyphens";

    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "and",
            "or", "for", "by", "be", "is", "are", "will", "with", "that", "than", "its", "it");

    private Keys() {
    }

    /** "By the end of 2027, GPT-5-level intelligence..." becomes "end-2027-gpt-5-level-intelligence...". */
    public static String fromStatement(String statement) {
        String ascii = Normalizer.normalize(statement, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        for (String word : ascii.split("[^a-z0-9]+")) {
            if (word.isEmpty() || SMALL_WORDS.contains(word)) {
                continue;
            }
            if (slug.length() + word.length() + 1 > 60) {
                break;
            }
            if (slug.length() > 0) {
                slug.append('-');
            }
            slug.append(word);
        }
        return slug.length() < 3 ? "prediction" : slug.toString();
    }
}
