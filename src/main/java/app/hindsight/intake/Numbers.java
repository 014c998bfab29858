package app.hindsight.intake;

import java.util.Map;

/**
 * Reads the small counts time expressions use: digits, English and German words, Chinese and Japanese numerals
 * (三十, 兩, 幾, 数).
 */
final class Numbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("eighteen", 18),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("hundred", 100),
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("couple", 2),
            Map.entry("few", 3),
            Map.entry("several", 3),
            Map.entry("ein", 1),
            Map.entry("eine", 1),
            Map.entry("einem", 1),
            Map.entry("eines", 1),
            Map.entry("zwei", 2),
            Map.entry("drei", 3),
            Map.entry("vier", 4),
            Map.entry("fünf", 5),
            Map.entry("sechs", 6),
            Map.entry("sieben", 7),
            Map.entry("acht", 8),
            Map.entry("neun", 9),
            Map.entry("zehn", 10),
            Map.entry("zwölf", 12),
            Map.entry("fünfzehn", 15),
            Map.entry("achtzehn", 18),
            Map.entry("zwanzig", 20),
            Map.entry("dreißig", 30),
            Map.entry("fünfzig", 50),
            Map.entry("hundert", 100),
            Map.entry("ersten", 1),
            Map.entry("zweiten", 2),
            Map.entry("dritten", 3),
            Map.entry("vierten", 4));

    private static final String DIGITS = "〇零一二三四五六七八九";

    private Numbers() {}

    /** The number, or -1 when the words are none of these. */
    static int parse(String words) {
        String w = words.strip().toLowerCase(java.util.Locale.ROOT);
        if (w.matches("\\d{1,4}")) {
            return Integer.parseInt(w);
        }
        Integer word = WORDS.get(w.replaceFirst("^a ", ""));
        if (word != null) {
            return word;
        }
        return chinese(w.replace('兩', '二')
                .replace('两', '二')
                .replace("幾", "三")
                .replace("几", "三")
                .replace("數", "三")
                .replace("数", "三"));
    }

    private static int chinese(String w) {
        if (w.isEmpty()) {
            return -1;
        }
        int total = 0;
        int digit = -1;
        for (char c : w.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d == 0 ? 0 : d - 1;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
            if (unit < 0) {
                return -1;
            }
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        return total + Math.max(digit, 0);
    }
}
