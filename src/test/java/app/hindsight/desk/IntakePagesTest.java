package app.hindsight.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The desk's intake pages as a browser reads them: the sources, and a source's transcript with its candidates. */
@QuarkusTest
class IntakePagesTest {

    static final String TALK = String.join(
            "\n\n",
            "## Outlook",
            "We will ship the new model by the end of 2027.",
            "Costs should fall a hundredfold in another couple of years.",
            "I think robots will probably do most chores by 2030.",
            "Today we have ten million users.");

    private static ValidatableResponse page(String path) {
        return given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get(path)
                .then()
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", DeskPagesTest.DESK_CSP);
    }

    /** A new English source, dated 2026-01-27. */
    static String source(String prefix) {
        Map<String, Object> body = TestData.source(TestData.key(prefix));
        body.put("language", "en");
        return TestData.createSource(body);
    }

    static void putText(String key, String text) {
        given().contentType("text/plain; charset=UTF-8")
                .body(text)
                .put(TestData.SOURCES + "/" + key + "/transcript")
                .then()
                .statusCode(201);
    }

    /** The id of the candidate whose quote starts so. */
    static int candidate(String key, String quoteStart) {
        List<Map<String, Object>> items = given().queryParam("limit", 500)
                .get(TestData.SOURCES + "/" + key + "/candidates")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(c -> ((String) ((Map<?, ?>) c.get("quote")).get("text")).startsWith(quoteStart))
                .map(c -> (Integer) c.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no candidate starts with " + quoteStart));
    }

    @Test
    void theTranscriptIsShownWithEachCandidateHighlightedInPlaceAndItsCard() {
        String key = source("desk-intake");
        putText(key, TALK);
        int ship = candidate(key, "We will ship");
        AdminTokenByDefault.anonymous();
        String html = page("/desk/sources/" + key)
                .statusCode(200)
                .body(containsString("<h1>Town hall " + key + "</h1>"))
                .body(containsString("<dd id=\"pending-count\">3</dd>"))
                .body(containsString("<strong>Not fully triaged</strong>: 3 of 3 candidates wait for a decision."))
                .body(containsString("<p class=\"locator\" lang=\"en\">§Outlook › ¶1</p>"))
                .body(containsString("<p class=\"text\" lang=\"en\" data-at=\"12\"><mark id=\"c-" + ship
                        + "\" class=\"cand cand-PENDING\" data-candidate=\"" + ship
                        + "\">We will ship the new model by the end of 2027.</mark><a class=\"ref\" href=\"#cand-"
                        + ship + "\""))
                .body(containsString("<li class=\"candidate candidate-PENDING\" id=\"cand-" + ship + "\""))
                .body(containsString("data-kind=\"COMMITMENT\" data-target-basis=\"EXPLICIT\" "
                        + "data-target-date=\"2027-12-31\" data-target-precision=\"YEAR\""))
                .body(containsString("<time datetime=\"2027-12-31\">2027-12-31</time> (to the year, explicit)"))
                .body(containsString("commitment <q lang=\"en\">We will</q>"))
                .body(containsString("likely (<span lang=\"en\">I think, probably</span>)"))
                // A present-tense sentence is text, not a highlight.
                .body(containsString("Today we have ten million users.</p>"))
                .body(containsString("id=\"accept\""))
                .body(containsString("<option value=\"TOO_VAGUE\">too vague</option>"))
                .body(containsString("<kbd>j</kbd>"))
                // The form to add a span by hand, and where each block starts in the text, for the selection.
                .body(containsString("<kbd>s</kbd> goes to the form to add a span by hand"))
                .body(containsString("id=\"manual\" data-custom data-role=\"editor\" data-path=\"/api/v1/sources/" + key
                        + "/candidates\" hidden>"))
                .body(containsString("<label for=\"manual-text\">The words, verbatim from the transcript</label>"))
                .body(containsString("<p class=\"text\" lang=\"en\" data-at=\"" + TALK.indexOf("Today")
                        + "\">Today we have ten million users.</p>"))
                .body(containsString("src=\"/desk/intake.js?v="))
                .extract()
                .asString();
        assertEquals(3, count(html, "<mark id=\"c-"), "one highlight a candidate");
        assertFalse(html.contains(
                "<mark id=\"c-" + ship + "\" class=\"cand cand-PENDING\" data-candidate=\"" + ship + "\">Today"));
    }

    @Test
    void decidedCandidatesShowTheirDecisionAndThePendingFilterLeavesTheirCardsOut() {
        String key = source("desk-intake-decided");
        putText(key, TALK);
        int ship = candidate(key, "We will ship");
        int costs = candidate(key, "Costs should");
        int robots = candidate(key, "I think robots");
        String prediction = given().contentType("application/json")
                .body(Map.of("statement", "The new model ships by the end of 2027."))
                .post(TestData.SOURCES + "/" + key + "/candidates/" + ship + "/accept")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().contentType("application/json")
                .body(Map.of("reason", "TOO_VAGUE", "note", "no <b>number</b>"))
                .post(TestData.SOURCES + "/" + key + "/candidates/" + costs + "/dismiss")
                .then()
                .statusCode(200);
        AdminTokenByDefault.anonymous();
        page("/desk/sources/" + key)
                .statusCode(200)
                .body(containsString(
                        "Accepted as <a href=\"/desk/predictions/" + prediction + "\">" + prediction + "</a>."))
                .body(containsString("Dismissed: too vague (no &lt;b&gt;number&lt;/b&gt;)"))
                .body(containsString("class=\"cand cand-ACCEPTED\""))
                .body(containsString("data-path=\"/api/v1/sources/" + key + "/candidates/" + costs + "/dismissal\""))
                .body(containsString("Dismissed as too vague: 1."));
        String pending = page("/desk/sources/" + key + "?state=PENDING")
                .statusCode(200)
                .body(containsString("<option value=\"PENDING\" selected>"))
                .body(containsString("1 pending candidate."))
                .body(containsString("id=\"cand-" + robots + "\""))
                .body(not(containsString("id=\"cand-" + ship + "\"")))
                .body(not(containsString("id=\"cand-" + costs + "\"")))
                .extract()
                .asString();
        // The decided ones stay highlighted in the text, without a link to a card the page does not show.
        assertTrue(pending.contains("<mark id=\"c-" + ship + "\" class=\"cand cand-ACCEPTED\""));
        assertFalse(pending.contains("href=\"#cand-" + ship + "\""));
        page("/desk/sources/" + key + "?state=ACCEPTED")
                .statusCode(400)
                .body(containsString("state: &#39;ACCEPTED&#39; is not a filter of this page"));
    }

    @Test
    void aTranscriptIsTextOnThePageWhateverMarkupItHolds() {
        String key = source("desk-intake-xss");
        putText(
                key,
                "<script>alert('x')</script> We will ship <img src=x onerror=alert(1)> the model by 2030.\n\n"
                        + "Plain </p></mark> text & more.");
        AdminTokenByDefault.anonymous();
        String html = page("/desk/sources/" + key)
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(containsString("Plain &lt;/p&gt;&lt;/mark&gt; text &amp; more."))
                .extract()
                .asString();
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img src=x"), html);
    }

    @Test
    void aSourceWithoutATranscriptOffersTheFormToAddOne() {
        String key = source("desk-intake-empty");
        AdminTokenByDefault.anonymous();
        page("/desk/sources/" + key)
                .statusCode(200)
                .body(containsString("No transcript yet, so nothing to triage."))
                .body(containsString("<h2 id=\"add-transcript\">Add the transcript</h2>"))
                .body(containsString("<form class=\"action\" id=\"transcript-form\" data-custom data-role=\"editor\" "
                        + "data-path=\"/api/v1/sources/" + key + "/transcript\">"))
                .body(containsString("<label for=\"transcript-file\">"))
                .body(containsString("<input id=\"transcript-file\" name=\"file\" type=\"file\""))
                .body(not(containsString("class=\"intake\"")))
                .body(not(containsString("data-replace")));
    }

    @Test
    void anUnknownSourceIsAnHtmlNotFoundPage() {
        String key = source("desk-intake-part");
        AdminTokenByDefault.anonymous();
        page("/desk/sources/no-such-source-" + TestData.uid())
                .statusCode(404)
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("does not exist"));
        page("/desk/sources/a/b").statusCode(404).body(containsString("<h1>Not found</h1>"));
        page("/desk/sources/" + key + "?part=zero")
                .statusCode(400)
                .body(containsString("part: &#39;zero&#39; is not a part of the transcript"));
    }

    @Test
    void aLongTranscriptIsShownAPartAtATimeEveryCandidateOnce() {
        String key = source("desk-intake-long");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 230; i++) {
            text.append("We will ship feature ").append(i).append(" by 2030.\n\n");
        }
        putText(key, text.toString());
        AdminTokenByDefault.anonymous();
        List<String> seen = new ArrayList<>();
        String path = "/desk/sources/" + key;
        int parts = 0;
        while (path != null) {
            String html = page(path).statusCode(200).extract().asString();
            parts++;
            List<String> cards = all(html, "<li class=\"candidate [^\"]+\" id=\"cand-([0-9]+)\"");
            assertTrue(cards.size() <= IntakeDesk.CARDS_PER_PART, cards.size() + " cards on a part");
            seen.addAll(cards);
            List<String> next = all(html, "rel=\"next\" href=\"([^\"]+)\"");
            path = next.isEmpty() ? null : next.get(0).replace("&amp;", "&");
            assertTrue(parts < 10, "the next links never end");
        }
        assertEquals(3, parts);
        assertEquals(230, seen.size());
        assertEquals(230, new HashSet<>(seen).size(), "no candidate on two parts");
        page("/desk/sources/" + key + "?part=99").statusCode(200).body(containsString("part 3 of 3"));

        // Where the desk goes after a span is added by hand: the part with the candidate's card.
        int last = candidate(key, "We will ship feature 230 ");
        page("/desk/sources/" + key + "?candidate=" + last)
                .statusCode(200)
                .body(containsString("part 3 of 3"))
                .body(containsString("id=\"cand-" + last + "\""));
        page("/desk/sources/" + key + "?candidate=" + last + "&part=1")
                .statusCode(200)
                .body(containsString("part 1 of 3"))
                .body(not(containsString("id=\"cand-" + last + "\"")));
        page("/desk/sources/" + key + "?candidate=first")
                .statusCode(400)
                .body(containsString("candidate: &#39;first&#39; is not a candidate"));
    }

    @Test
    void theSourcesPageListsEachSourceWithItsTriageAndTheSpeakerPagesLinkToIt() {
        String key = source("desk-intake-list");
        putText(key, TALK);
        String speaker = "Speaker of " + key;
        AdminTokenByDefault.anonymous();
        page("/desk/sources?speaker=" + speaker.toUpperCase(java.util.Locale.ROOT))
                .statusCode(200)
                .body(containsString("<h1>Sources of " + speaker.toUpperCase(java.util.Locale.ROOT) + "</h1>"))
                .body(containsString("<a href=\"/desk/sources/" + key + "\">Town hall " + key + "</a>"))
                .body(containsString("<td data-label=\"Pending\" class=\"num\">3</td>"))
                .body(containsString("<td data-label=\"Triage\">3 pending</td>"))
                .body(containsString("id=\"source-form\""))
                .body(not(containsString("altman-town-hall-2026-01-27\"")));
        page("/desk/sources")
                .statusCode(200)
                .body(containsString("href=\"/desk/sources/altman-town-hall-2026-01-27\""));
        page("/desk/speakers")
                .statusCode(200)
                .body(containsString("<a href=\"/desk/sources?speaker=Sam%20Altman\">Sam Altman</a>"));
        page("/").statusCode(200).body(containsString("<a href=\"/desk/sources\">Sources</a>"));
        given().get("/desk/intake.js")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-cache"))
                .body(containsString("HindsightDesk"));
    }

    @Test
    void theSpeakersPageSaysHowManyOfARecordsSourcesAreFullyTriagedAndLeadsToTheOthers() {
        // Early in the alphabet, so that the page, which shows the first speakers by name, has the row.
        String speaker = "Aaa Cherry " + TestData.uid();
        String triaged = source("desk-speaker-triaged", speaker);
        putText(triaged, "We will ship the new model by the end of 2027.");
        given().contentType("application/json")
                .body(Map.of("statement", "The new model ships by the end of 2027."))
                .post(TestData.SOURCES + "/" + triaged + "/candidates/" + candidate(triaged, "We will ship")
                        + "/accept")
                .then()
                .statusCode(201);
        String untriaged = source("desk-speaker-untriaged", speaker);
        putText(untriaged, TALK);
        AdminTokenByDefault.anonymous();
        given().get("/api/v1/speakers/" + speaker)
                .then()
                .statusCode(200)
                .body("sources.total", equalTo(2))
                .body("sources.fullyTriaged", equalTo(1));

        String row = row(page("/desk/speakers").statusCode(200).extract().asString(), speaker);
        assertTrue(
                row.contains("<td data-label=\"Hit rate (95%)\" class=\"num\">–</td>\n"
                        + "      <td data-label=\"Sources fully triaged\" class=\"triage\">1 of 2 sources fully triaged"
                        + "<p class=\"caveat\">1 of 2 sources are not fully triaged: the record may leave out "
                        + "predictions made there.</p>"
                        + "<p>Not fully triaged: <a href=\"/desk/sources/" + untriaged + "\">" + untriaged
                        + "</a>.</p></td>"),
                row);
        assertFalse(row.contains(triaged), "only the sources not fully triaged are named: " + row);

        // Once every candidate there is decided, the record rests on triaged sources only and says no more.
        for (String quote : List.of("We will ship", "Costs should", "I think robots")) {
            AdminTokenByDefault.asAdmin(() -> given().contentType("application/json")
                    .body(Map.of("reason", "OUT_OF_SCOPE"))
                    .post(TestData.SOURCES + "/" + untriaged + "/candidates/" + candidate(untriaged, quote)
                            + "/dismiss")
                    .then()
                    .statusCode(200));
        }
        row = row(page("/desk/speakers").statusCode(200).extract().asString(), speaker);
        assertTrue(row.contains("class=\"triage\">2 of 2 sources fully triaged</td>"), row);
        assertFalse(row.contains("caveat"), row);
    }

    /** A new English source of this speaker, dated 2026-01-27. */
    static String source(String prefix, String speaker) {
        Map<String, Object> body = TestData.source(TestData.key(prefix));
        body.put("language", "en");
        body.put("speaker", speaker);
        return TestData.createSource(body);
    }

    /** The table row of a speaker on the speakers' page. */
    private static String row(String html, String speaker) {
        int name = html.indexOf(">" + speaker + "</a></th>");
        assertTrue(name > 0, speaker + " has no row: " + html);
        return html.substring(html.lastIndexOf("<tr>", name), html.indexOf("</tr>", name));
    }

    private static int count(String html, String what) {
        return html.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<String> all(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
