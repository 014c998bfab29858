package app.hindsight.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The town hall's seeds read against their source, prediction by prediction: the editorial rules of
 * src/docs/seeds.md (How the town hall's seeds are edited) that a program can check. A quote that is a substring
 * of the source can still say something else than the statement (cut before its verb, without its condition,
 * without its hedge): these tests catch that. Plain JUnit, reading the seed file and the source text; no Quarkus.
 */
class SeedEditionTest {

    static final Path SEED_FILE = Path.of(SeededPredictionsTest.SEED_FILE);
    static final Path SOURCE_FILE = Path.of("seeds/altman-town-hall-2026-01-27.zh-Hant.txt");
    static final String SOURCE = read(SOURCE_FILE);
    static final List<JsonNode> PREDICTIONS = predictionsOf(SEED_FILE);

    /** What may follow a quote: the end of its clause. An opening bracket, a closing one or a CJK character does not. */
    static final String CLAUSE_ENDS = "，。；：！？、\n";
    /** What may precede a quote: the end of the clause before, a line's start, or the space after a bullet's bold label. */
    static final String CLAUSE_STARTS = "，。；：！？、\n *";
    /** Quotes that may end elsewhere, each with the reason; none in this edition. */
    static final Map<String, String> ENDS_INSIDE_A_CLAUSE = Map.of();
    /** Quotes that may start elsewhere, each with the reason; none in this edition. */
    static final Map<String, String> STARTS_INSIDE_A_CLAUSE = Map.of();
    /** Openings whose referent lies before the quote. */
    static final Pattern OPENS_ON_A_PRONOUN = Pattern.compile("^(其|這|此|該|它|兩者)");

    /** The hedges and stances the source uses, and the English words that keep them in a statement. */
    static final Map<String, Pattern> HEDGES = hedges();
    /** A hedge in the quote's sentence that qualifies a clause this statement does not cover, with the reason. */
    static final Map<String, String> HEDGE_ELSEWHERE = Map.of(
            "small-teams-with-ai-more-productive 探索",
            "OpenAI正探索 is OpenAI's exploring (openai-building-collaboration-interfaces), not the teams' productivity",
            "social-media-harms-teenagers 可能",
            "可能 qualifies the younger children (tech-may-harm-young-children-more); the teenagers' harm is unhedged",
            "internal-gpt52-non-trivial-scientific-progress 相信",
            "相信 opens the next clause, a belief of its own (ai-can-offer-new-product-building-insights)");

    /** A clause that opens on a condition (當, 若, 如果, 一旦, 隨著, 對 ...) or closes on a topic or time (... 中, 時, 後, 前). */
    static final Pattern CONDITION_OR_TOPIC = Pattern.compile("^(當|若|如果|假如|一旦|隨著|對)|(中|時|後|前)$");

    static final Pattern BULLET_LABEL = Pattern.compile("^\\s*\\*\\s+\\*\\*.+?：\\*\\*\\s*");
    /** Bullets of the audience (their questions and premises), of the summary's own framing, and the call to action. */
    static final List<String> NOT_THE_SPEAKERS = List.of("疑問", "開發者擔憂", "輟學生困惑", "本質", "呼籲反饋");

    static final List<String> OUTCOMES = List.of("CORRECT", "INCORRECT", "PARTIALLY_CORRECT", "UNVERIFIABLE");

    /** A sentence of the criteria that says what "not yet" looks like: "Defer while ..." or "Defer until ...". */
    static final Pattern DEFERRAL = Pattern.compile("(^|[.;] )Defer (while|until) \\S");
    /** Where the summary files a bullet under 預測 ("prediction"), itself or by a bullet it sits in. */
    static final String PREDICTION_HEADING = "預測";

    static Stream<Arguments> predictions() {
        return PREDICTIONS.stream().map(p -> Arguments.of(p.path("key").asText(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void quoteIsVerbatimAndOccursOnce(String key, JsonNode p) {
        String quote = quote(p);
        int at = SOURCE.indexOf(quote);
        assertTrue(at >= 0, key + ": not verbatim in the source: " + quote);
        assertEquals(-1, SOURCE.indexOf(quote, at + 1), key + ": occurs more than once in the source: " + quote);
        assertEquals("zh-Hant", p.path("quote").path("lang").asText(), key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void quoteEndsWhereItsClauseEnds(String key, JsonNode p) {
        String quote = quote(p);
        int end = at(key, quote) + quote.length();
        if (end < SOURCE.length()
                && CLAUSE_ENDS.indexOf(SOURCE.charAt(end)) < 0
                && !ENDS_INSIDE_A_CLAUSE.containsKey(key)) {
            fail(key + ": the quote ends inside a clause the source continues: 「" + quote + "」 is followed by 「"
                    + SOURCE.substring(end, Math.min(SOURCE.length(), end + 12)) + "」");
        }
        for (String pair : List.of("（）", "「」")) {
            assertEquals(
                    count(quote, pair.charAt(0)),
                    count(quote, pair.charAt(1)),
                    key + ": the quote opens or closes a bracket " + pair + " it does not hold whole: " + quote);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void quoteStartsWhereItsClauseStarts(String key, JsonNode p) {
        String quote = quote(p);
        int start = at(key, quote);
        if (start > 0
                && CLAUSE_STARTS.indexOf(SOURCE.charAt(start - 1)) < 0
                && !STARTS_INSIDE_A_CLAUSE.containsKey(key)) {
            fail(key + ": the quote starts inside a clause, without what comes before it: 「"
                    + SOURCE.substring(Math.max(0, start - 12), start) + "」 precedes 「" + quote + "」");
        }
        assertFalse(
                OPENS_ON_A_PRONOUN.matcher(quote).find(),
                key + ": the quote opens on a pronoun whose referent is outside it: " + quote);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void quoteKeepsTheConditionOrTopicItDependsOn(String key, JsonNode p) {
        // 「當物質服務極大豐富，」 (once goods are abundant), 「全球GDP中，」 (of global GDP), 「隨著模型能力增強，」
        // (as models grow more capable): a clause like these, right before the quote in its sentence, belongs in it.
        String quote = quote(p);
        int start = at(key, quote);
        String before = BULLET_LABEL
                .matcher(SOURCE.substring(sentenceStart(start), start))
                .replaceFirst("");
        String[] clauses = before.split("[，；：]");
        String last = clauses.length == 0 ? "" : clauses[clauses.length - 1];
        assertFalse(
                CONDITION_OR_TOPIC.matcher(last).find(),
                key + ": the quote leaves out the condition or topic before it: 「" + last + "，」 precedes 「" + quote
                        + "」");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void quoteIsTheSpeakersNotTheQuestionersOrTheSummarys(String key, JsonNode p) {
        String quote = quote(p);
        String locator = locator(at(key, quote), quote.length());
        for (String label : NOT_THE_SPEAKERS) {
            assertFalse(
                    locator.endsWith(" › " + label),
                    key + ": quoted from the " + label + " bullet (the audience's question or "
                            + "premise, the summary's framing, or a call to action), not a claim of Altman's: "
                            + quote);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void hedgesInTheQuotesSentenceAreKeptInTheStatement(String key, JsonNode p) {
        String quote = quote(p);
        int start = at(key, quote);
        String sentence = SOURCE.substring(sentenceStart(start), sentenceEnd(start + quote.length()))
                .strip();
        String statement = p.path("statement").asText();
        for (Map.Entry<String, Pattern> hedge : HEDGES.entrySet()) {
            if (sentence.contains(hedge.getKey()) && !HEDGE_ELSEWHERE.containsKey(key + " " + hedge.getKey())) {
                assertTrue(
                        hedge.getValue().matcher(statement).find(),
                        key + ": the source says " + hedge.getKey() + " (" + sentence + ") but the statement has no "
                                + hedge.getValue().pattern() + ": " + statement);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void locatorNamesTheSectionAndTheBullet(String key, JsonNode p) {
        String quote = quote(p);
        assertEquals(
                locator(at(key, quote), quote.length()),
                p.path("quote").path("locator").asText(),
                key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void criteriaSayWhenEachOutcomeApplies(String key, JsonNode p) {
        String criteria = p.path("resolutionCriteria").asText();
        for (String outcome : OUTCOMES) {
            assertTrue(
                    Pattern.compile("(?<![A-Z_])" + outcome + "(?![A-Z_])")
                            .matcher(criteria)
                            .find(),
                    key + ": the criteria never say when " + outcome + " applies: " + criteria);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void aPredictionWithoutTheSpeakersDateIsReviewedPeriodically(String key, JsonNode p) {
        JsonNode target = p.path("target");
        if (!"EXPLICIT".equals(target.path("basis").asText())) {
            assertFalse(
                    p.path("reviewEvery").asText("").isBlank(), key + ": no date of the speaker's and no reviewEvery");
        }
        if ("INFERRED".equals(target.path("basis").asText())) {
            // A date the curator reads from the speaker's words quotes those words; a guess ("curator chose the end
            // of 2030" for an undated vision) has none to quote, and is no date.
            String label = target.path("label").asText("");
            Matcher words = Pattern.compile("\\p{IsHan}{2,}").matcher(label);
            boolean quoted = false;
            while (words.find()) {
                quoted |= quote(p).contains(words.group());
            }
            assertTrue(
                    quoted,
                    key + ": an INFERRED date's label quotes the words of the quote it was read from: " + label);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void anUndatedPredictionsCriteriaSayWhatNotYetMeans(String key, JsonNode p) {
        // Not having happened yet is a reason to defer, not to resolve INCORRECT: without a date, the criteria say
        // when a reviewer defers, so that "the share stays flat" at an early review is not read as a failure.
        if (p.path("target").path("date").isTextual()) {
            return;
        }
        String criteria = p.path("resolutionCriteria").asText();
        assertTrue(
                DEFERRAL.matcher(criteria).find(),
                key + ": undated, so the criteria need a sentence \"Defer while ...\" or \"Defer until ...\" saying "
                        + "what not yet looks like: " + criteria);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void whatTheSummaryFilesUnderPredictionIsAForecast(String key, JsonNode p) {
        String quote = quote(p);
        List<String> labels = enclosingLabels(at(key, quote));
        if (labels.stream().anyMatch(l -> l.contains(PREDICTION_HEADING))) {
            assertEquals("FORECAST", p.path("kind").asText(), key + ": filed under " + labels);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void openAisPlansAndTheDatedForecastSayTheSourceIsASummary(String key, JsonNode p) {
        // A summariser's dropped "we hope", or GPT-5.2-level for GPT-5-level, changes these most: their criteria say
        // what a reviewer does when the recording says otherwise.
        boolean dated = p.path("target").path("date").isTextual();
        if (!dated && !"COMMITMENT".equals(p.path("kind").asText())) {
            return;
        }
        String criteria = p.path("resolutionCriteria").asText();
        assertTrue(
                criteria.contains("machine-written summary") && criteria.contains("recording"),
                key + ": the criteria do not say what a reviewer does if the recording differs from the summary: "
                        + criteria);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void openAisUndatedPlansAreReviewedEverySixMonths(String key, JsonNode p) {
        if ("COMMITMENT".equals(p.path("kind").asText())
                && !p.path("target").path("date").isTextual()) {
            assertEquals("P6M", p.path("reviewEvery").asText(), key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predictions")
    void aMetricHasAnAbsoluteBaselineThatTheCriteriaName(String key, JsonNode p) {
        JsonNode metric = p.path("metric");
        if (metric.isMissingNode() || metric.isNull()) {
            return;
        }
        String unit = metric.path("unit").asText("");
        assertFalse(
                unit.isBlank() || unit.equalsIgnoreCase("ratio"),
                key + ": a metric needs a unit a reviewer can look up, not " + unit);
        assertFalse(metric.path("baseline").path("on").asText("").isBlank(), key + ": the baseline's date");
        double baseline = metric.path("baseline").path("value").asDouble();
        double target = metric.path("target").asDouble();
        assertNotEquals(baseline, target, key);
        String criteria = p.path("resolutionCriteria").asText().replace(",", "");
        for (double value : new double[] {baseline, target}) {
            String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            assertTrue(
                    criteria.contains(plain),
                    key + ": the criteria do not use the metric's " + plain + ": " + criteria);
        }
    }

    @Test
    void everyPredictionNamesItsOwnKey() {
        Set<String> keys = new HashSet<>();
        for (JsonNode p : PREDICTIONS) {
            String key = p.path("key").asText("");
            assertFalse(
                    key.isBlank(),
                    "a seeded prediction without a key: " + p.path("statement").asText());
            assertTrue(keys.add(key), "key used twice: " + key);
        }
        assertTrue(keys.size() > 15, "well over fifteen predictions: " + keys.size());
    }

    @Test
    void theExemptionsStillHaveSomethingToExempt() {
        // An exemption that no longer matches a prediction would hide the next mistake on that key.
        for (String entry : HEDGE_ELSEWHERE.keySet()) {
            String key = entry.substring(0, entry.indexOf(' '));
            JsonNode p = PREDICTIONS.stream()
                    .filter(q -> key.equals(q.path("key").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no prediction " + key));
            int start = at(key, quote(p));
            String sentence = SOURCE.substring(sentenceStart(start), sentenceEnd(start + quote(p).length()));
            assertTrue(sentence.contains(entry.substring(entry.indexOf(' ') + 1)), entry);
        }
    }

    // --- the source --------------------------------------------------------------------------------------------

    private static final Pattern HEADING =
            Pattern.compile("^#### \\*\\*(?:(\\d+)\\. )?(.+?)\\*\\*$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("^\\s*\\*\\s+\\*\\*(.+?)：\\*\\*");

    /** {@code §N title} of the section holding the quote, and {@code › label} of its bullet unless the quote is the label. */
    static String locator(int start, int length) {
        String section = null;
        Matcher heading = HEADING.matcher(SOURCE);
        while (heading.find() && heading.start() < start) {
            section =
                    heading.group(1) == null ? "§" + heading.group(2) : "§" + heading.group(1) + " " + heading.group(2);
        }
        int lineStart = SOURCE.lastIndexOf('\n', start) + 1;
        Matcher label = LABEL.matcher(SOURCE.substring(lineStart, start + length));
        return label.find() && lineStart + label.end() <= start ? section + " › " + label.group(1) : section;
    }

    /** The bold labels of the bullet holding {@code start} and of each bullet it sits in, innermost first. */
    static List<String> enclosingLabels(int start) {
        List<String> labels = new ArrayList<>();
        int lineStart = SOURCE.lastIndexOf('\n', start) + 1;
        int indent = Integer.MAX_VALUE;
        while (lineStart > 0) {
            int end = SOURCE.indexOf('\n', lineStart);
            String line = SOURCE.substring(lineStart, end < 0 ? SOURCE.length() : end);
            if (line.startsWith("#")) {
                break;
            }
            int depth = line.length() - line.stripLeading().length();
            Matcher label = LABEL.matcher(line);
            if (depth < indent && label.find()) {
                labels.add(label.group(1));
                indent = depth;
            }
            lineStart = SOURCE.lastIndexOf('\n', lineStart - 2) + 1;
        }
        return labels;
    }

    static int sentenceStart(int from) {
        int start = 0;
        for (char c : "。！？\n".toCharArray()) {
            start = Math.max(start, SOURCE.lastIndexOf(c, from - 1) + 1);
        }
        return start;
    }

    static int sentenceEnd(int from) {
        int end = SOURCE.length();
        for (char c : "。！？\n".toCharArray()) {
            int at = SOURCE.indexOf(c, from);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end;
    }

    static int at(String key, String quote) {
        int at = SOURCE.indexOf(quote);
        assertTrue(at >= 0, key + ": not verbatim in the source: " + quote);
        return at;
    }

    static String quote(JsonNode p) {
        return p.path("quote").path("text").asText();
    }

    static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    static Map<String, Pattern> hedges() {
        Map<String, Pattern> hedges = new LinkedHashMap<>();
        hedges.put("希望", words("hope|hopes|hoped|want|wants|wish"));
        hedges.put("可能", words("may|might|could|possibly|perhaps"));
        hedges.put("探索", Pattern.compile("\\bexplor", Pattern.CASE_INSENSITIVE));
        hedges.put("相信", Pattern.compile("\\bbeliev", Pattern.CASE_INSENSITIVE));
        hedges.put("認為", words("think|thinks|believe|believes"));
        hedges.put("打算", Pattern.compile("\\bintend", Pattern.CASE_INSENSITIVE));
        hedges.put("目標", words("aim|aims|goal"));
        return hedges;
    }

    static Pattern words(String alternatives) {
        return Pattern.compile("\\b(" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> predictionsOf(Path file) {
        try {
            JsonNode items = new ObjectMapper().readTree(file.toFile());
            List<JsonNode> predictions = new ArrayList<>();
            StreamSupport.stream(items.spliterator(), false)
                    .filter(i -> !"source".equals(i.path("type").asText()))
                    .forEach(predictions::add);
            return predictions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
