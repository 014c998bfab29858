package app.hindsight.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

/**
 * The cue and time entries of one language, read from {@code intake/cues-<lang>.txt} and
 * {@code intake/time-<lang>.txt} on the class path. A line is {@code KIND WEIGHT PHRASE}: KIND a {@link CueKind},
 * or for a time expression a {@link TimeRule} with an optional {@code :N}; WEIGHT a number in [0, 1]; PHRASE the
 * rest of the line, matched as words (case-insensitive; a space matches any run of white space) or, between
 * slashes, as a Java regular expression. {@code #} starts a comment (at the start of a line, or after white
 * space). Chinese entries match in both scripts: each is also tried in its Simplified and Traditional forms.
 * Where matches overlap, the longest wins, so {@code 社會} (IGNORE) masks {@code 會} and {@code we will}
 * (COMMITMENT) takes precedence over {@code will}; of two as long, IGNORE wins (an exception is written to win),
 * then the heavier.
 */
final class Lexicon {

    private static final Map<String, Lexicon> LOADED = new ConcurrentHashMap<>();
    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(.+?)\\s*$");
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#.*$");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final List<LexiconEntry> entries;

    Lexicon(List<LexiconEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The lexicon for a language tag's language ({@code zh-Hant} reads the {@code zh} files), if there is one. */
    static Optional<Lexicon> forLanguage(String lang) {
        String language = ULocale.forLanguageTag(lang == null ? "" : lang).getLanguage();
        if (!language.matches("[a-z]{2,3}")) {
            return Optional.empty();
        }
        Lexicon known = LOADED.get(language);
        if (known != null) {
            return Optional.of(known);
        }
        List<LexiconEntry> entries = new ArrayList<>();
        boolean found = false;
        for (String file : List.of("cues-" + language + ".txt", "time-" + language + ".txt")) {
            String content = resource("/intake/" + file);
            if (content != null) {
                found = true;
                entries.addAll(parse(file, content, language.equals("zh")));
            }
        }
        return found ? Optional.of(LOADED.computeIfAbsent(language, l -> new Lexicon(entries))) : Optional.empty();
    }

    List<LexiconEntry> entries() {
        return entries;
    }

    /** Parses one lexicon file; a malformed line fails loudly with its file and number, since a curator wrote it. */
    static List<LexiconEntry> parse(String file, String content, boolean bothChineseScripts) {
        List<LexiconEntry> entries = new ArrayList<>();
        String[] lines = content.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = COMMENT.matcher(lines[i]).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher fields = LINE.matcher(line);
            String where = file + ":" + (i + 1);
            if (!fields.matches()) {
                throw new IllegalArgumentException(where + ": expected KIND WEIGHT PHRASE, got: " + line);
            }
            try {
                entries.add(entry(
                        fields.group(1),
                        Double.parseDouble(fields.group(2)),
                        fields.group(3),
                        bothChineseScripts,
                        where + " " + line));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(where + ": " + bad.getMessage(), bad);
            }
        }
        return entries;
    }

    private static LexiconEntry entry(String kind, double weight, String phrase, boolean chinese, String origin) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be between 0 and 1: " + weight);
        }
        List<LexiconEntry.Form> forms = forms(phrase, chinese);
        String[] rule = kind.split(":", 2);
        try {
            TimeRule timeRule = TimeRule.valueOf(rule[0]);
            int argument = rule.length == 2 ? Integer.parseInt(rule[1]) : -1;
            return new LexiconEntry(CueKind.TIME_MARKER, weight, timeRule, argument, forms, origin);
        } catch (IllegalArgumentException notATimeRule) {
            return new LexiconEntry(CueKind.valueOf(kind), weight, null, 0, forms, origin);
        }
    }

    private static List<LexiconEntry.Form> forms(String phrase, boolean chinese) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(phrase);
        if (chinese) {
            variants.add(Scripts.SIMPLIFIED.get().transliterate(phrase));
            variants.add(Scripts.TRADITIONAL.get().transliterate(phrase));
        }
        List<LexiconEntry.Form> forms = new ArrayList<>();
        for (String variant : variants) {
            boolean regex = variant.length() > 2 && variant.startsWith("/") && variant.endsWith("/");
            forms.add(
                    regex
                            ? new LexiconEntry.Form(
                                    Pattern.compile(variant.substring(1, variant.length() - 1), FLAGS), null)
                            : new LexiconEntry.Form(
                                    Pattern.compile(words(variant), FLAGS), lower(variant.split(" +")[0])));
        }
        return List.copyOf(forms);
    }

    /** Lower case char by char, so offsets in the result are offsets in the original. */
    private static String lower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** A literal phrase; where it starts or ends with a letter or digit, it must not continue a longer word. */
    private static String words(String phrase) {
        StringBuilder regex = new StringBuilder();
        if (isWordChar(phrase.codePointAt(0))) {
            regex.append("(?<![\\p{L}\\p{N}])");
        }
        String[] parts = phrase.split(" +");
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
        }
        if (isWordChar(phrase.codePointBefore(phrase.length()))) {
            regex.append("(?![\\p{L}\\p{N}])");
        }
        return regex.toString();
    }

    /**
     * Letters of scripts that separate words with spaces; a Han character never needs a boundary, nor does kana
     * (Japanese writes no spaces: でしょう follows the verb it ends).
     */
    private static boolean isWordChar(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return Character.isLetterOrDigit(c)
                && script != Character.UnicodeScript.HAN
                && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA;
    }

    /**
     * Every entry's matches in the text, overlaps resolved (longest first, then IGNORE, then the heavier entry, then
     * the earlier one), in text order. A time entry's match carries its target; one that names no date after the source's is
     * kept as IGNORE, so it neither fires nor lets a shorter entry fire inside it.
     */
    List<LexiconMatch> find(String text, LocalDate said) {
        List<LexiconMatch> all = new ArrayList<>();
        String lowered = lower(text);
        for (LexiconEntry entry : entries) {
            for (LexiconEntry.Form form : entry.forms()) {
                Matcher m =
                        form.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                if (form.anchor() == null) {
                    while (m.find()) {
                        if (m.end() > m.start()) {
                            all.add(match(entry, m, said));
                        }
                    }
                    continue;
                }
                for (int at = lowered.indexOf(form.anchor()); at >= 0; at = lowered.indexOf(form.anchor(), at + 1)) {
                    if (m.region(at, text.length()).lookingAt() && m.end() > m.start()) {
                        all.add(match(entry, m, said));
                    }
                }
            }
        }
        all.sort(Comparator.comparingInt((LexiconMatch m) -> -m.span().length())
                .thenComparing(m -> m.kind() != CueKind.IGNORE)
                .thenComparingDouble(m -> -m.entry().weight())
                .thenComparingInt(m -> m.span().start()));
        boolean[] taken = new boolean[text.length()];
        List<LexiconMatch> kept = new ArrayList<>();
        for (LexiconMatch match : all) {
            if (free(taken, match.span())) {
                for (int i = match.span().start(); i < match.span().end(); i++) {
                    taken[i] = true;
                }
                kept.add(match);
            }
        }
        kept.sort(Comparator.comparingInt(m -> m.span().start()));
        return kept;
    }

    private static LexiconMatch match(LexiconEntry entry, Matcher m, LocalDate said) {
        Span span = new Span(m.start(), m.end());
        if (entry.rule() == null) {
            return new LexiconMatch(entry, span, m.group(), null);
        }
        Target target = entry.rule().resolve(m, entry.ruleArgument(), said);
        if (target == null || !target.date().isAfter(said)) {
            LexiconEntry past = new LexiconEntry(CueKind.IGNORE, 0, null, 0, entry.forms(), entry.origin());
            return new LexiconMatch(past, span, m.group(), null);
        }
        return new LexiconMatch(entry, span, m.group(), target);
    }

    private static boolean free(boolean[] taken, Span span) {
        for (int i = span.start(); i < span.end(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static String resource(String path) {
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ICU's script converters, built once per thread: a Transliterator is not safe to share. */
    private static final class Scripts {
        static final ThreadLocal<Transliterator> SIMPLIFIED =
                ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
        static final ThreadLocal<Transliterator> TRADITIONAL =
                ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));
    }
}
