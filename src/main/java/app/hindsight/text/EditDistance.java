package app.hindsight.text;

/**
 * Levenshtein distance: the fewest inserts, deletes and replacements of a character that turn one string into the
 * other. For suggestions ("did you mean 'speaker'?", the nearest speaker's name), where the strings are short; two
 * rows of the table, not the whole of it.
 */
public final class EditDistance {

    private EditDistance() {}

    public static int between(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
