package app.hindsight.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** Slugs: the keys of predictions and sources. */
public final class Keys {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be lower-case letters, digits and single hyphens";

    private static final Set<String> SMALL_WORDS = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "for", "by", "be", "is", "are", "will", "with",
            "that", "than", "its", "it");

    private Keys() {}

    /**
     * The base of a generated key: "By the end of 2027, GPT-5-level intelligence..." becomes
     * "end-2027-gpt-5-level-intelligence...". Many statements share a base (the first 60 characters of words), so
     * a caller makes it free with a suffix, never upserts by it. A statement with fewer than three ASCII letters or
     * digits (Chinese, say) gets "prediction-" and 8 hex digits of its SHA-256: no transliteration to get wrong,
     * and two such statements do not start from one base.
     */
    public static String fromStatement(String statement) {
        return slug(statement, "prediction");
    }

    /** The same for a source's title; a title without enough ASCII letters or digits gives "source-" and a hash. */
    public static String fromTitle(String title) {
        return slug(title, "source");
    }

    private static String slug(String text, String prefix) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
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
        return slug.length() < 3 ? prefix + "-" + hash(text.strip()) : slug.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
