package app.hindsight.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The quality bar on the town hall's own text (the seed's transcript): at least 90% of the quotes of the
 * seeded forecasts, commitments and stances lie inside some candidate, while the candidates stay well under the
 * sentences, and neither headings nor the questions put to Altman become candidates.
 */
class TownHallCandidatesTest {

    static final Path TEXT = Path.of("seeds/altman-town-hall-2026-01-27.zh-Hant.txt");
    static final Path SEEDS = Path.of("seeds/altman-town-hall-2026-01-27.json");
    static final Set<String> TRACKED = Set.of("FORECAST", "COMMITMENT", "STANCE");

    static String text;
    static Transcript transcript;
    static List<Sentence> sentences;
    static List<Candidate> candidates;
    static List<JsonNode> seeded = new ArrayList<>();

    @BeforeAll
    static void findCandidates() throws IOException {
        text = Files.readString(TEXT, StandardCharsets.UTF_8);
        transcript = Transcript.ofText(text, "zh-Hant");
        sentences = SentenceSplitter.split(transcript);
        candidates = CandidateFinder.find(transcript, LocalDate.of(2026, 1, 27));
        for (JsonNode item : new ObjectMapper().readTree(SEEDS.toFile())) {
            if (item.has("quote") && TRACKED.contains(item.get("kind").asText())) {
                seeded.add(item);
            }
        }
    }

    @Test
    void ninetyPercentOfSeededForecastsCommitmentsAndStancesLieInsideACandidate() {
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (JsonNode item : seeded) {
            String quote = item.get("quote").get("text").asText();
            int[] counts = byKind.computeIfAbsent(item.get("kind").asText(), k -> new int[2]);
            counts[1]++;
            if (insideACandidate(quote)) {
                counts[0]++;
            } else {
                missed.add(item.get("kind").asText() + " " + quote);
            }
        }
        int found = byKind.values().stream().mapToInt(c -> c[0]).sum();
        StringBuilder figures = new StringBuilder("found " + found + "/" + seeded.size());
        byKind.forEach((kind, c) -> figures.append(", ")
                .append(kind)
                .append(' ')
                .append(c[0])
                .append('/')
                .append(c[1]));
        assertEquals(54, seeded.size(), "the seed's forecasts, commitments and stances");
        assertTrue(found >= Math.ceil(0.9 * seeded.size()), figures + "; missed: " + missed);
    }

    @Test
    void candidatesAreWellUnderTheSentences() {
        long covered = sentences.stream()
                .filter(s -> candidates.stream().anyMatch(c -> c.span().contains(s.span())))
                .count();
        String figures = sentences.size() + " sentences, " + candidates.size() + " candidates covering " + covered;
        assertTrue(sentences.size() > 100, figures);
        assertTrue(candidates.size() * 2 <= sentences.size(), figures);
        assertTrue(covered * 10 <= sentences.size() * 6, figures);
    }

    @Test
    void headingsAndQuestionsPutToTheSpeakerAreNoCandidates() {
        for (Candidate candidate : candidates) {
            assertFalse(
                    candidate.quote().locator().endsWith("› 疑問"),
                    candidate.quote().text());
            assertFalse(candidate.quote().text().startsWith("AI崛起是否會導致"), "a heading");
        }
        Candidate cost = candidateContaining("到2027年底");
        assertEquals("§5 AI模型的成本與速度趨勢：小模型與成本降低空間？ › 成本大幅降低", cost.quote().locator());
        assertEquals(LocalDate.of(2027, 12, 31), cost.proposedTarget().date());
        assertEquals("by the end of 2027", cost.proposedTarget().label());
    }

    @Test
    void everyQuoteIsVerbatimAtItsSpan() {
        for (Candidate candidate : candidates) {
            assertEquals(
                    text.substring(candidate.span().start(), candidate.span().end()),
                    candidate.quote().text());
            assertEquals("zh-Hant", candidate.quote().lang());
            assertFalse(candidate.cues().isEmpty());
        }
    }

    @Test
    void theSeedsLocatorsAreTheSegmentsLocators() {
        for (JsonNode item : seeded) {
            String locator = item.get("quote").get("locator").asText();
            if (locator.contains("›")) {
                assertTrue(
                        transcript.segments().stream().anyMatch(s -> s.locator().equals(locator)), locator);
            }
        }
    }

    private static boolean insideACandidate(String quote) {
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            Span span = new Span(at, at + quote.length());
            if (candidates.stream().anyMatch(c -> c.span().contains(span))) {
                return true;
            }
        }
        return false;
    }

    private static Candidate candidateContaining(String words) {
        return candidates.stream()
                .filter(c -> c.quote().text().contains(words))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no candidate with " + words));
    }
}
