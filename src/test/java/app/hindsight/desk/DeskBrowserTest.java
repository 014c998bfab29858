package app.hindsight.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The review desk in a real browser: Debian's Chromium (never one a tool downloads), driven by Playwright. A
 * reviewer pastes a token and works a review through the forms; refusals, a stale page and a bad token show what
 * the API said; axe-core finds no serious or critical violation on any page, at desktop width and at 375 px.
 * Screenshots go to target/desk/. Without Chromium the tests are skipped, and say why.
 */
@QuarkusTest
class DeskBrowserTest extends DeskBrowsing {

    static final String TOWN_HALL_100X = "gpt5-level-intelligence-100x-cheaper-by-2027";

    @Test
    void aReviewerResolvesADuePredictionFromItsPageAndItLeavesTheQueue() {
        // Due since 2001, before any other test's due predictions: on the desk's first page, however many there are.
        Map<String, Object> body = TestData.pastPrediction(TestData.key("browser-due"));
        body.put("madeOn", "2000-01-10");
        body.put("target", TestData.target("2000-12-31", "YEAR", "EXPLICIT", "by the end of 2000"));
        String key = TestData.create(body);
        given().post("/api/v1/jobs/due-scan/runs").then().statusCode(200);
        given().get("/api/v1/reviews?limit=500").then().body("items.prediction", hasItem(key));
        String reviewer = token("rita-" + TestData.uid(), "reviewer");

        page.navigate("/");
        assertThat(page.locator("a[href='/desk/predictions/" + key + "']")).isVisible();
        screenshot("desk.png", false);

        page.locator("a[href='/desk/predictions/" + key + "']").click();
        assertThat(page.locator("h1")).containsText("past prediction " + key);
        assertThat(page.locator(".needs-token")).isVisible();
        assertThat(page.locator("#resolve")).isHidden();

        tokenField().fill(reviewer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token"))
                .click();
        assertThat(page.locator("#token-who")).containsText("Acting as rita-");
        assertThat(page.locator("#resolve")).isVisible();

        page.locator("#resolve")
                .getByLabel("correct", new Locator.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Why (the rationale, required)").fill("The 2025 report shows it came true.");
        page.getByLabel("Evidence: links, one per line").fill("https://example.org/report-2025");
        screenshot("prediction-resolving.png", true);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();

        assertThat(page.locator("#flash")).hasText("Resolved.");
        assertThat(page.locator(".meta .status")).hasText("RESOLVED");
        assertThat(page.locator("#resolution + p")).containsText("correct on");
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .body("status", equalTo("RESOLVED"))
                .body("resolution.outcome", equalTo("CORRECT"))
                .body("resolution.note", equalTo("The 2025 report shows it came true."))
                .body("resolution.evidence[0].url", equalTo("https://example.org/report-2025"))
                .body("resolution.by", org.hamcrest.Matchers.startsWith("rita-"));

        page.navigate("/desk/reviews");
        assertThat(page.locator("h1")).hasText("Review queue");
        assertThat(page.locator("a[href='/desk/predictions/" + key + "']")).hasCount(0);
        given().get("/api/v1/reviews?limit=500").then().body("items.prediction", not(hasItem(key)));
    }

    @Test
    void aReviewerResolvesVoidWithItsReasonAndTheDayTheAnswerWasKnown() {
        String key = TestData.create(TestData.prediction(TestData.key("browser-void")));
        signIn(token("vera-" + TestData.uid(), "reviewer"), "/desk/predictions/" + key);
        Locator form = page.locator("#resolve");
        form.getByLabel("void", new Locator.GetByLabelOptions().setExact(true)).check();
        form.getByLabel("Why it does not count (with Void only)").selectOption("CONDITION_NOT_MET");
        form.getByLabel("Why (the rationale, required)").fill("The merger the claim hung on was called off.");
        form.locator("input[name=knownOn]").fill("2026-02-01");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve"))
                .click();

        assertThat(page.locator("#flash")).hasText("Resolved.");
        assertThat(page.locator("#resolution ~ p").nth(1)).containsText("condition not met");
        given().get(TestData.PREDICTIONS + "/" + key)
                .then()
                .body("resolution.outcome", equalTo("VOID"))
                .body("resolution.voidReason", equalTo("CONDITION_NOT_MET"))
                .body("resolution.knownOn", equalTo("2026-02-01"));
    }

    @Test
    void aBadTokenShowsThe401Message() {
        AdminTokenByDefault.anonymous();
        String title = given().header("Authorization", "Bearer hs_not-a-real-token")
                .get("/api/v1/tokens/current")
                .then()
                .statusCode(401)
                .extract()
                .path("title");
        String detail = given().header("Authorization", "Bearer hs_not-a-real-token")
                .get("/api/v1/tokens/current")
                .then()
                .extract()
                .path("detail");

        page.navigate("/desk/predictions/" + TOWN_HALL_100X);
        tokenField().fill("hs_not-a-real-token");
        tokenField().press("Enter");

        assertThat(page.locator("#token-status")).containsText(title + " (401)");
        assertThat(page.locator("#token-status")).containsText(detail);
        assertThat(page.locator("#token-who")).isHidden();
        assertThat(page.locator(".actions .forms")).isHidden();
        assertEquals(null, page.evaluate("sessionStorage.getItem('hindsight.token')"));
        screenshot("bad-token.png", false);
    }

    @Test
    void aChangeMadeAfterThePageWasReadIsA412ThatOffersAReload() {
        String key = TestData.create(TestData.prediction(TestData.key("browser-stale")));
        signIn(token("sam-" + TestData.uid(), "reviewer"), "/desk/predictions/" + key);

        // Someone else edits it meanwhile.
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"resolutionCriteria\": \"Changed by someone else.\"}")
                .patch(TestData.PREDICTIONS + "/" + key)
                .then()
                .statusCode(200);

        page.locator("#withdraw").getByLabel("Why (e.g. a mis-extraction)").fill("Not a prediction.");
        page.locator("#withdraw")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw"))
                .click();
        assertThat(page.locator("#withdraw .outcome-of-action"))
                .containsText("Someone else changed this prediction after this page was loaded");
        screenshot("stale.png", false);
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("OPEN"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload the page"))
                .click();
        assertThat(page.locator(".criteria")).hasText("Changed by someone else.");
        page.locator("#withdraw").getByLabel("Why (e.g. a mis-extraction)").fill("Not a prediction.");
        page.locator("#withdraw")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw"))
                .click();
        assertThat(page.locator("#flash")).hasText("Withdrawn.");
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aRefusedActionShowsTheProblemNextToTheFormAndChangesNothing() {
        String key = TestData.create(TestData.prediction(TestData.key("browser-refused")));
        signIn(token("ria-" + TestData.uid(), "reviewer"), "/desk/predictions/" + key);

        page.locator("#resolve input[name=outcome][value=CORRECT]").check();
        page.getByLabel("Why (the rationale, required)").fill("It happened.");
        page.getByLabel("Evidence: links, one per line").fill("not a link");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve"))
                .click();

        var message = page.locator("#resolve .outcome-of-action");
        assertThat(message).containsText("(400)");
        assertThat(message).containsText("evidence[0].url: must be an http or https URL");
        given().get(TestData.PREDICTIONS + "/" + key).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aTokenWithoutTheRoleSeesWhichRoleAFormNeeds() {
        String key = TestData.create(TestData.prediction(TestData.key("browser-reader")));
        signIn(token("rae-" + TestData.uid(), "reader"), "/desk/predictions/" + key);

        assertThat(page.locator("#resolve button[type=submit]")).isDisabled();
        assertThat(page.locator("#resolve .needs-role")).hasText("Needs the role reviewer; this token has reader.");
        assertThat(page.locator("#withdraw .needs-role")).containsText("Needs the role editor or reviewer");
    }

    @Test
    void aReviewIsAssignedAndDeferredAndAForecastAndAnObservationAreRecorded() {
        String due = TestData.create(TestData.pastPrediction(TestData.key("browser-assign")));
        given().post("/api/v1/jobs/due-scan/runs").then().statusCode(200);
        String name = "fay-" + TestData.uid();
        signIn(token(name, "reviewer", "forecaster", "editor"), "/desk/predictions/" + due);

        page.getByLabel("Reviewer (empty: nobody)").fill("bob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign"))
                .click();
        assertThat(page.locator("#flash")).hasText("Assigned.");
        assertThat(page.locator(".actions")).containsText("assigned to bob");
        given().get("/api/v1/reviews?assignee=bob&limit=500").then().body("items.prediction", hasItem(due));

        // Bob looks again in a month: the review closes and the prediction waits, OPEN, until then.
        String until = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();
        page.getByLabel("Look again on").fill(until);
        page.locator("#defer").getByLabel("Why").fill("The 2025 figures come out next month.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Defer"))
                .click();
        assertThat(page.locator("#flash")).hasText("Deferred.");
        assertThat(page.locator(".meta .status")).hasText("OPEN");
        given().get(TestData.PREDICTIONS + "/" + due)
                .then()
                .body("status", equalTo("OPEN"))
                .body("nextReviewOn", equalTo(until));
        given().get("/api/v1/reviews?limit=500").then().body("items.prediction", not(hasItem(due)));

        String metric = TestData.create(TestData.hundredFold(TestData.key("browser-metric")));
        page.navigate("/desk/predictions/" + metric);
        page.getByLabel("Chance it comes true, in percent (1 to 99)").fill("30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forecast"))
                .click();
        assertThat(page.locator("#flash")).hasText("Forecast recorded.");
        given().get(TestData.PREDICTIONS + "/" + metric + "/forecasts")
                .then()
                .body("items[0].forecaster", equalTo(name))
                .body("items[0].probability", equalTo(0.3f));

        page.getByLabel("Value (USD per million tokens)").fill("1.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add"))
                .click();
        assertThat(page.locator("#flash")).hasText("Observation recorded.");
        given().get(TestData.PREDICTIONS + "/" + metric + "/observations")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].value", equalTo(1.5f));
        screenshot("prediction-metric.png", true);
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAxeViolationAtDesktopWidthAndAt375Pixels() {
        String due = TestData.create(TestData.pastPrediction(TestData.key("browser-axe")));
        given().post("/api/v1/jobs/due-scan/runs").then().statusCode(200);
        signIn(AdminTokenByDefault.ADMIN_TOKEN, "/");
        List<String> pages = List.of(
                "/",
                "/desk/predictions/" + TOWN_HALL_100X,
                "/desk/predictions/" + due,
                "/desk/reviews",
                "/desk/predictions",
                "/desk/predictions?speaker=altman&sort=-targetDate&hasMetric=true",
                "/desk/predictions?speaker=nobody-by-this-name",
                "/desk/speakers",
                "/desk/forecasters",
                "/desk/no-such-page");
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, 800);
            for (String path : pages) {
                page.navigate(path);
                page.waitForLoadState();
                List<String> serious = new AxeBuilder(page)
                        .analyze().getViolations().stream()
                                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                                .map(DeskBrowserTest::describe)
                                .toList();
                assertEquals(List.of(), serious, path + " at " + width + " px");
                Object sideways =
                        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
                assertEquals(false, sideways, path + " scrolls sideways at " + width + " px");
            }
        }
        page.navigate("/desk/predictions/" + TOWN_HALL_100X);
        screenshot("prediction-375.png", true);
        assertTrue(Files.exists(SCREENSHOTS.resolve("prediction-375.png")));
    }

    /** Pastes the token on a desk page and waits until the desk says whose it is. */
    private void signIn(String token, String path) {
        page.navigate(path);
        tokenField().fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token"))
                .click();
        assertThat(page.locator("#token-who")).isVisible();
    }

    private Locator tokenField() {
        return page.getByLabel("API token", new Page.GetByLabelOptions().setExact(true));
    }

    /** A new token with these roles, its secret. */
    private static String token(String name, String... roles) {
        return AdminTokenByDefault.asAdmin(() -> given().contentType("application/json")
                .body(Map.of("name", name, "roles", List.of(roles)))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token"));
    }

    private void screenshot(String name, boolean fullPage) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(fullPage));
    }

    private static String describe(Rule violation) {
        return violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
                + violation.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }
}
