package app.hindsight.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Details a reviewer meets in Chromium: the due list's caption reads as a line at a phone's width, the Resolve form
 * chooses no outcome for the reviewer and says so when none is chosen, and no desk page asks for something that is
 * not there (the favicon was a 404 on every page).
 */
@QuarkusTest
class DeskDetailsBrowserTest extends DeskBrowsing {

    @Test
    void theDueCaptionKeepsToFewLinesAt375Pixels() {
        Map<String, Object> body = TestData.pastPrediction(TestData.key("browser-caption"));
        body.put("madeOn", "2000-01-10");
        body.put("target", TestData.target("2000-12-31", "YEAR", "EXPLICIT", "by the end of 2000"));
        TestData.create(body);
        given().post("/api/v1/jobs/due-scan/runs").then().statusCode(200);
        page.setViewportSize(375, 800);
        page.navigate("/");
        Locator caption = page.locator("section[aria-labelledby=due] table.rows caption");
        assertThat(caption).isVisible();
        // "DUE predictions, the longest overdue first" shrank to its longest word: six lines of one word each.
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) caption.evaluate("c => ({"
                + " width: c.getBoundingClientRect().width,"
                + " table: c.closest('table').getBoundingClientRect().width,"
                + " lines: c.getBoundingClientRect().height / (parseFloat(getComputedStyle(c).fontSize) * 1.2) })");
        assertTrue(
                box.get("width").doubleValue() >= 0.9 * box.get("table").doubleValue(),
                "the caption spans the list: " + box);
        assertTrue(box.get("lines").doubleValue() < 2.9, "two lines at most: " + box);
    }

    @Test
    void theResolveFormChoosesNoOutcomeAndSaysWhenNoneIsChosen() {
        String key = TestData.createDue("browser-no-default");
        signIn("/desk/predictions/" + key);
        Locator form = page.locator("#resolve");
        assertThat(form).isVisible();
        assertTrue(form.locator("input[name=outcome]").count() >= 4, "the outcomes offered");
        assertThat(form.locator("input[name=outcome]:checked")).hasCount(0);

        page.getByLabel("Why (the rationale, required)").fill("The report shows it.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();
        assertThat(form.locator(".outcome-of-action")).hasText("Choose an outcome: none is chosen for you.");
        assertEquals(
                "Choose an outcome: none is chosen for you.",
                form.locator("input[name=outcome]").first().evaluate("input => input.validationMessage"));
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("DUE"));

        form.getByLabel("incorrect", new Locator.GetByLabelOptions().setExact(true))
                .check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();
        assertThat(page.locator("#flash")).hasText("Resolved.");
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .body("status", equalTo("RESOLVED"))
                .body("resolution.outcome", equalTo("INCORRECT"));
    }

    @Test
    void noDeskPageAsksForWhatIsNotThere() {
        List<String> missing = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() == 404 && !response.url().contains("/desk/no-such-page")) {
                missing.add(response.url());
            }
        });
        for (String path : List.of("/", "/desk/reviews", "/desk/speakers", "/desk/forecasters", "/desk/no-such-page")) {
            page.navigate(path);
            page.waitForLoadState();
            assertThat(page.locator("link[rel=icon][type='image/svg+xml']")).hasAttribute("href", "/favicon.svg");
            assertThat(page.locator("link[rel=icon][href='/favicon.ico']")).hasCount(1);
            Object loaded = page.evaluate(
                    "async () => (await fetch(document.querySelector('link[type=\"image/svg+xml\"]').href)).status");
            assertEquals(200, ((Number) loaded).intValue(), path);
        }
        assertEquals(List.of(), missing, "404s while loading desk pages");
    }

    /** Pastes the admin token (every role) on a desk page and waits until the desk says whose it is. */
    private void signIn(String path) {
        page.navigate(path);
        page.getByLabel("API token", new Page.GetByLabelOptions().setExact(true))
                .fill(AdminTokenByDefault.ADMIN_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token"))
                .click();
        assertThat(page.locator("#token-who")).isVisible();
    }
}
