package app.hindsight.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.intake.Candidate;
import app.hindsight.intake.CandidateFinder;
import app.hindsight.intake.Cue;
import app.hindsight.intake.Transcript;

/**
 * The town hall's seed file triages every candidate the rules find in its transcript today: each is one of the
 * seeded predictions or dismissed in the source entry's {@code triage}. A change of the lexicons that finds a new
 * candidate fails {@link #noCandidateIsLeftPending()}, which says what to add to the seed file; a dismissal whose words
 * no candidate holds any more fails too. Plain code: the plan the seed loader carries out, on the rules' output.
 */
class TownHallSeedTriageTest {

    static final Path SEEDS = Path.of("seeds/altman-town-hall-2026-01-27.json");

    static String text;
    static List<Candidate> candidates;
    static List<TriagePlan.Row> rows = new ArrayList<>();
    static SeedDecisions decisions;
    static TriagePlan.Plan plan;

    @BeforeAll
    static void plan() throws IOException {
        JsonNode seeds = new ObjectMapper().readTree(SEEDS.toFile());
        JsonNode source = seeds.get(0);
        Path file = SEEDS.resolveSibling(source.get("transcript").get("file").asText());
        Transcript transcript = Transcript.ofText(Files.readString(file, StandardCharsets.UTF_8), "zh-Hant");
        text = transcript.text();
        candidates = CandidateFinder.find(
                transcript, LocalDate.parse(source.get("date").asText()));
        for (int i = 0; i < candidates.size(); i++) {
            rows.add(new TriagePlan.Row(
                    i + 1, candidates.get(i).quote().text(), CandidateState.PENDING, null, false, null, null, false));
        }
        List<SeedDecisions.Link> links = new ArrayList<>();
        for (JsonNode item : seeds) {
            if (item.has("quote")) {
                links.add(new SeedDecisions.Link(
                        item.get("key").asText(), item.get("quote").get("text").asText()));
            }
        }
        List<SeedDecisions.Dismiss> dismissals = new ArrayList<>();
        for (JsonNode t : source.get("triage")) {
            dismissals.add(new SeedDecisions.Dismiss(
                    t.get("quote").asText(),
                    DismissReason.valueOf(t.get("dismiss").asText()),
                    t.get("note").asText()));
        }
        decisions = new SeedDecisions(links, dismissals);
        plan = TriagePlan.plan(text, rows, decisions);
    }

    @Test
    void noCandidateIsLeftPending() {
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            long id = i + 1;
            if (!plan.link().containsKey(id) && !plan.dismiss().containsKey(id)) {
                Candidate c = candidates.get(i);
                pending.append("\n  ")
                        .append(c.quote().locator())
                        .append(": ")
                        .append(c.quote().text())
                        .append(" (cues ")
                        .append(c.cues().stream().map(Cue::text).toList())
                        .append(')');
            }
        }
        assertTrue(
                pending.isEmpty(),
                "The rules find candidates in the town hall that its seed file leaves PENDING, so a fresh start "
                        + "would not show it fully triaged. Read each, then in " + SEEDS + " either seed a prediction "
                        + "whose quote lies inside it or add to the source entry's \"triage\" {\"quote\": \"<words "
                        + "of the candidate>\", \"dismiss\": \"NOT_A_PREDICTION|DUPLICATE|ALREADY_TRACKED|TOO_VAGUE|"
                        + "OUT_OF_SCOPE|OTHER\", \"note\": \"why\"}, and raise its \"revision\":" + pending);
    }

    @Test
    void everyDismissalHoldsACandidateAndEveryQuoteIsInTheTranscript() {
        assertEquals(List.of(), plan.stale(), "dismissals whose words no candidate holds: remove or re-cut them");
        assertEquals(List.of(), plan.unlinkable(), "seeded predictions that cannot be linked");
        for (SeedDecisions.Dismiss d : decisions.dismissals()) {
            long holding =
                    rows.stream().filter(r -> r.text().contains(d.quote())).count();
            assertEquals(1, holding, "one candidate holds the dismissal's words: " + d.quote());
            assertTrue(
                    plan.dismiss().values().contains(d),
                    "dismisses a candidate that no seeded prediction takes: " + d.quote());
        }
    }

    @Test
    void figures() {
        Map<DismissReason, Integer> byReason = new TreeMap<>();
        plan.dismiss().values().forEach(d -> byReason.merge(d.reason(), 1, Integer::sum));
        assertEquals(52, candidates.size(), "candidates the rules find");
        assertEquals(48, plan.link().size(), "candidates that are seeded predictions");
        assertEquals(23, plan.add().size(), "seeded quotes no candidate holds alone, added by hand (manual)");
        // The closing vision's sentence is read as five statements from two quotes: one sentence, and its first clause.
        assertEquals(
                List.of(
                        "openai-model-100x-context-length (its quote is openai-model-100x-more-capable's)",
                        "openai-model-100x-faster (its quote is openai-model-100x-more-capable's)",
                        "openai-future-model-100x-cheaper (its quote is openai-model-100x-more-capable's)"),
                plan.shared());
        assertEquals(74, plan.link().size() + plan.add().size() + plan.shared().size(), "every seeded prediction");
        assertEquals(Map.of(DismissReason.ALREADY_TRACKED, 3, DismissReason.NOT_A_PREDICTION, 1), byReason);
    }
}
