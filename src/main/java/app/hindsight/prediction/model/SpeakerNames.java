package app.hindsight.prediction.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import app.hindsight.text.EditDistance;

/**
 * How a speaker is found by part of the name: the query, folded (lower case, accents dropped, anything but letters
 * and digits a single space), must begin the folded name at the start of one of its words. "altman", "SAM" and
 * "sam alt" find "Sam Altman"; "zoe" finds "Zoë"; "tman" finds nothing. A rule rather than an alias list: it needs
 * no data kept beside the sources, and a curator's spelling of a name is the one shown.
 */
public final class SpeakerNames {

    /** The most names a suggestion lists. */
    public static final int MAX_SUGGESTIONS = 5;

    /** Letters without a decomposition (Ø is not O with a mark to Unicode), and how an English keyboard types them. */
    private static final String UNDECOMPOSED = "øæœßłđðþı";

    private static final String[] UNDECOMPOSED_AS = {"o", "ae", "oe", "ss", "l", "d", "d", "th", "i"};

    private SpeakerNames() {}

    /** The name as it is compared: lower case, without accents, words separated by one space. */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int at = UNDECOMPOSED.indexOf(c);
            folded.append(at >= 0 ? UNDECOMPOSED_AS[at] : String.valueOf(c));
        }
        return folded.toString().replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Whether the query begins one of the name's words (and goes on from there as the name does). */
    public static boolean matches(String name, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return false;
        }
        String n = fold(name);
        return n.startsWith(q) || n.contains(" " + q);
    }

    /** The names the query matches, in alphabetical order of their folded forms. */
    public static List<String> matching(Collection<String> names, String query) {
        return names.stream()
                .filter(name -> matches(name, query))
                .sorted(Comparator.comparing(SpeakerNames::fold).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** How the speaker filter's index compares names: lower case, the same in every locale. */
    public static String lower(String speaker) {
        return speaker == null ? null : speaker.toLowerCase(Locale.ROOT);
    }

    /**
     * The names nearest the query by edit distance, each name measured by its nearest part (the whole name or a
     * word), so that "altmn" is near "Sam Altman"; those at the smallest distance, at most {@link #MAX_SUGGESTIONS}.
     */
    public static List<String> nearest(Collection<String> names, String query) {
        String q = fold(query);
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            int d = distance(fold(name), q);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best && nearest.size() < MAX_SUGGESTIONS) {
                nearest.add(name);
            }
        }
        return nearest;
    }

    private static int distance(String name, String query) {
        int d = EditDistance.between(name, query);
        for (String word : name.split(" ")) {
            d = Math.min(d, EditDistance.between(word, query));
        }
        return d;
    }
}
