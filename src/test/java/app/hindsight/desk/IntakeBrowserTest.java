package app.hindsight.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The intake pages in Chromium (as {@link DeskBrowserTest}, and skipped like it without one): an editor adds a
 * source and its transcript from the desk, then triages its candidates with the keyboard and the forms; axe-core
 * finds no serious or critical violation, at desktop width and at 375 px, which scrolls nothing sideways.
 */
@QuarkusTest
class IntakeBrowserTest extends DeskBrowsing {

    @Test
    void anEditorAddsASourceAndPastesItsTranscriptAndAnotherUploadsCaptions() {
        signIn(token("eda-" + TestData.uid(), "editor"), "/desk/sources");
        String key = TestData.key("browser-new-source");
        page.getByLabel("Title (required)").fill("Browser town hall " + key);
        page.getByLabel("Speaker (required)").fill("Speaker of " + key);
        page.getByLabel("Said on (required)").fill("2026-01-27");
        page.getByLabel("Language, as a tag like en or zh-Hant").fill("en");
        page.getByLabel("Key (empty: made from the title)").fill(key);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the source"))
                .click();

        page.waitForURL("**/desk/sources/" + key);
        assertThat(page.locator("#flash")).hasText("Source added. Now add its transcript.");
        assertThat(page.locator("h1")).hasText("Browser town hall " + key);
        assertThat(page.locator("#coverage + p")).hasText("No transcript yet, so nothing to triage.");
        page.getByLabel("Paste the text").fill(IntakePagesTest.TALK);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Store the transcript"))
                .click();

        assertThat(page.locator("#flash")).hasText("Transcript stored: 3 candidates found.");
        assertThat(page.locator("mark.cand")).hasCount(3);
        assertThat(page.locator("#pending-count")).hasText("3");
        given().get(TestData.SOURCES + "/" + key + "/coverage")
                .then()
                .statusCode(200)
                .body("pending", equalTo(3))
                .body("transcript.language", equalTo("en"));

        // Captions uploaded as a file: their candidates are located by the caption's start time.
        String captions = IntakePagesTest.source("browser-srt");
        page.navigate("/desk/sources/" + captions);
        page.getByLabel("Or upload a file: plain text, VTT or SRT captions, HTML, PDF or DOCX")
                .setInputFiles(new FilePayload(
                        "talk.srt",
                        "application/octet-stream",
                        ("1\n00:00:01,000 --> 00:00:04,000\nWe will ship the new model by the end of 2027.\n\n"
                                        + "2\n00:12:41,000 --> 00:12:45,000\nToday we have ten million users.\n")
                                .getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Store the transcript"))
                .click();
        assertThat(page.locator("#flash")).hasText("Transcript stored: 1 candidate found.");
        assertThat(page.locator("p.locator").first()).hasText("00:00:01");
        given().get(TestData.SOURCES + "/" + captions + "/transcript")
                .then()
                .body("mediaType", equalTo("application/x-subrip"));
    }

    @Test
    void anEditorTriagesWithTheKeyboardAndTheFormsAndUndoesADismissal() {
        String key = IntakePagesTest.source("browser-triage");
        IntakePagesTest.putText(key, IntakePagesTest.TALK);
        int ship = IntakePagesTest.candidate(key, "We will ship");
        int costs = IntakePagesTest.candidate(key, "Costs should");
        int robots = IntakePagesTest.candidate(key, "I think robots");
        String editor = "edie-" + TestData.uid();
        signIn(token(editor, "editor"), "/desk/sources/" + key);

        // j and k move between the candidates; the picked one has the focus.
        page.keyboard().press("j");
        assertThat(card(ship)).isFocused();
        assertThat(page.locator("#c-" + ship)).hasClass(Pattern.compile("current"));
        page.keyboard().press("j");
        assertThat(card(costs)).isFocused();
        page.keyboard().press("k");
        assertThat(card(ship)).isFocused();

        // a opens the accept form under the card, filled from the candidate; typing there moves nothing.
        page.keyboard().press("a");
        Locator accept = card(ship).locator("#accept");
        assertThat(accept).isVisible();
        assertThat(page.getByLabel("Statement: the claim in English, one checkable sentence (required)"))
                .isFocused();
        assertThat(page.getByLabel("Kind")).hasValue("COMMITMENT");
        assertThat(page.getByLabel("Basis")).hasValue("EXPLICIT");
        assertThat(page.getByLabel("Last day of the window")).hasValue("2027-12-31");
        assertThat(page.getByLabel("Precision")).hasValue("YEAR");
        assertThat(page.getByLabel("Resolution criteria")).hasValue("");
        page.keyboard().type("The new model ships by the end of 2027, just as planned.");
        assertThat(card(ship)).hasClass(Pattern.compile("current"));
        page.getByLabel("Resolution criteria").fill("Shipped to the public by 2027-12-31.");
        page.getByLabel("Topics, separated by commas (e.g. cost, models)").fill("models, launches");
        screenshot("intake-accepting.png");
        accept.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Accept").setExact(true))
                .click();

        assertThat(page.locator("#flash")).containsText("Candidate " + ship + " accepted as prediction ");
        String prediction = given().get(TestData.SOURCES + "/" + key + "/candidates/" + ship)
                .then()
                .body("state", equalTo("ACCEPTED"))
                .extract()
                .path("prediction");
        given().get(TestData.PREDICTIONS + "/" + prediction)
                .then()
                .statusCode(200)
                .body("statement", equalTo("The new model ships by the end of 2027, just as planned."))
                .body("resolutionCriteria", equalTo("Shipped to the public by 2027-12-31."))
                .body("topics", equalTo(List.of("launches", "models")))
                .body("target.date", equalTo("2027-12-31"))
                .body("quote.text", equalTo("We will ship the new model by the end of 2027."))
                .body("source", equalTo(key));
        assertThat(card(ship).locator(".decision")).hasText("Accepted as " + prediction + ".");
        // Back at the next candidate, which the keyboard works on.
        assertThat(card(costs)).isFocused();

        page.keyboard().press("d");
        assertThat(card(costs).locator("#dismiss")).isVisible();
        page.getByLabel("Reason").selectOption("TOO_VAGUE");
        page.getByLabel("Note").fill("no number");
        card(costs)
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Dismiss").setExact(true))
                .click();
        assertThat(page.locator("#flash")).hasText("Candidate " + costs + " dismissed.");
        given().get(TestData.SOURCES + "/" + key + "/candidates/" + costs)
                .then()
                .body("state", equalTo("DISMISSED"))
                .body("dismissal.reason", equalTo("TOO_VAGUE"))
                .body("dismissal.note", equalTo("no number"))
                .body("dismissal.by", startsWith("edie-"));
        assertThat(card(costs).locator(".decision")).containsText("Dismissed: too vague (no number), by " + editor);
        assertThat(card(robots)).isFocused();

        // Escape closes a form; the dismissal is undone from its card.
        page.keyboard().press("d");
        assertThat(card(robots).locator("#dismiss")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#dismiss")).isHidden();
        card(costs)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo the dismissal"))
                .click();
        assertThat(page.locator("#flash")).hasText("Dismissal of candidate " + costs + " undone.");
        given().get(TestData.SOURCES + "/" + key + "/candidates/" + costs)
                .then()
                .body("state", equalTo("PENDING"));
        assertThat(page.locator("#pending-count")).hasText("2");
    }

    @Test
    void anEditorAddsASpanTheRulesMissedBySelectingItAndIsToldWhatTheApiRefuses() {
        String key = IntakePagesTest.source("browser-manual");
        String users = "Today we have ten million users.";
        IntakePagesTest.putText(key, IntakePagesTest.TALK + "\n\n" + users);
        signIn(token("manu-" + TestData.uid(), "editor"), "/desk/sources/" + key);

        // The words selected in the transcript (here the second time they occur) fill the form under their
        // paragraph, with which occurrence they are; s goes there.
        selectText(page.locator("p.text").last());
        assertThat(page.getByLabel("The words, verbatim from the transcript")).hasValue(users);
        assertThat(page.getByLabel("Which occurrence, when the words occur more than once (empty: the first)"))
                .hasValue("2");
        assertThat(page.locator(".block").last().locator("xpath=following-sibling::*[1]"))
                .hasId("manual");
        page.keyboard().press("s");
        assertThat(page.getByLabel("The words, verbatim from the transcript")).isFocused();
        screenshot("intake-manual.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add as a candidate"))
                .click();

        assertThat(page.locator("#flash")).containsText(" added by hand: pending, proposed as claim.");
        int added = IntakePagesTest.candidate(key, "Today we have");
        assertThat(page.locator("#flash"))
                .hasText("Candidate " + added + " added by hand: pending, proposed as claim.");
        given().get(TestData.SOURCES + "/" + key + "/candidates/" + added)
                .then()
                .statusCode(200)
                .body("manual", equalTo(true))
                .body("state", equalTo("PENDING"))
                .body("quote.text", equalTo(users))
                .body("quote.locator", equalTo("§Outlook › ¶5"));
        given().get(TestData.SOURCES + "/" + key + "/coverage")
                .then()
                .body("manual", equalTo(1))
                .body("candidates", equalTo(4))
                .body("pending", equalTo(4));
        // Highlighted in place, the second time the words occur, with its state; its card is the picked one.
        assertThat(page.locator("mark#c-" + added)).hasClass(Pattern.compile("cand-PENDING"));
        assertThat(page.locator("mark#c-" + added)).hasText(users);
        assertThat(page.locator("p.text").last().locator("mark")).hasId("c-" + added);
        assertThat(card(added).locator(".state")).hasText("pending");
        assertThat(card(added)).containsText("added by hand");
        assertThat(card(added)).isFocused();
        assertThat(page.locator("#pending-count")).hasText("4");

        // Typed words that are not the transcript's, sent with the keyboard: the API's problem is shown.
        page.keyboard().press("s");
        page.keyboard().type("Prices will triple by 2031.");
        page.keyboard().press("Control+Enter");
        Locator outcome = page.locator("#manual .outcome-of-action");
        assertThat(outcome).containsText("quote.text: does not occur verbatim in the transcript");
        // The same words again: the API says which candidate they are.
        selectText(page.locator("mark#c-" + added));
        assertThat(page.getByLabel("The words, verbatim from the transcript")).hasValue(users);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add as a candidate"))
                .click();
        assertThat(outcome).containsText("candidate " + added + " is these very words");
        given().get(TestData.SOURCES + "/" + key + "/coverage")
                .then()
                .body("manual", equalTo(1))
                .body("candidates", equalTo(4));
    }

    @Test
    void aReaderCannotTriageAndIsToldWhichRoleItNeeds() {
        String key = IntakePagesTest.source("browser-intake-reader");
        IntakePagesTest.putText(key, IntakePagesTest.TALK);
        signIn(token("rhea-" + TestData.uid(), "reader"), "/desk/sources/" + key);
        page.keyboard().press("j");
        page.keyboard().press("a");
        assertThat(page.locator("#accept button[type=submit]")).isDisabled();
        assertThat(page.locator("#accept .needs-role")).hasText("Needs the role editor; this token has reader.");
    }

    @Test
    void theIntakePagesHaveNoSeriousOrCriticalAxeViolationAtDesktopWidthAndAt375Pixels() {
        String key = IntakePagesTest.source("browser-intake-axe");
        IntakePagesTest.putText(key, IntakePagesTest.TALK);
        int costs = IntakePagesTest.candidate(key, "Costs should");
        given().contentType("application/json")
                .body(Map.of("reason", "DUPLICATE"))
                .post(TestData.SOURCES + "/" + key + "/candidates/" + costs + "/dismiss")
                .then()
                .statusCode(200);
        String empty = IntakePagesTest.source("browser-intake-axe-empty");
        signIn(AdminTokenByDefault.ADMIN_TOKEN, "/desk/sources");
        List<String> pages = List.of(
                "/desk/sources",
                "/desk/sources/" + key,
                "/desk/sources/" + key + "?state=PENDING",
                "/desk/sources/" + empty,
                "/desk/sources/altman-town-hall-2026-01-27");
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, 800);
            for (String path : pages) {
                page.navigate(path);
                page.waitForLoadState();
                check(path, width);
            }
            // With the accept form open under a card.
            page.navigate("/desk/sources/" + key);
            assertThat(page.locator("#token-who")).isVisible();
            page.keyboard().press("j");
            page.keyboard().press("a");
            assertThat(page.locator("#accept")).isVisible();
            check("the accept form", width);
            // With the form to add a span by hand filled from a selection, under its paragraph.
            page.keyboard().press("Escape");
            selectText(page.locator("p.text").last());
            assertThat(page.locator(".transcript #manual")).isVisible();
            check("the form to add a span by hand", width);
        }
        screenshot("intake-375.png");
    }

    private void check(String what, int width) {
        List<String> serious = new AxeBuilder(page)
                .analyze().getViolations().stream()
                        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                + v.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .toList())
                        .toList();
        assertEquals(List.of(), serious, what + " at " + width + " px");
        Object sideways = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertEquals(false, sideways, what + " scrolls sideways at " + width + " px");
    }

    /** Selects the words of an element as a person does with the mouse, a selection the page's script sees. */
    private static void selectText(Locator element) {
        element.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e);"
                + " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }");
    }

    private Locator card(int id) {
        return page.locator("#cand-" + id);
    }

    private void signIn(String token, String path) {
        page.navigate(path);
        page.getByLabel("API token", new Page.GetByLabelOptions().setExact(true))
                .fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token"))
                .click();
        assertThat(page.locator("#token-who")).isVisible();
    }

    private static String token(String name, String... roles) {
        return AdminTokenByDefault.asAdmin(() -> given().contentType("application/json")
                .body(Map.of("name", name, "roles", List.of(roles)))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token"));
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(DeskBrowserTest.SCREENSHOTS.resolve(name))
                .setFullPage(true));
    }
}
