package app.hindsight.desk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The review desk's pages, read as a browser reads them: anonymously, asking for HTML. */
@QuarkusTest
class DeskPagesTest {

    static final String DESK_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String TOWN_HALL_100X = "gpt5-level-intelligence-100x-cheaper-by-2027";

    private static ValidatableResponse page(String path) {
        return given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get(path)
                .then()
                .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", DESK_CSP);
    }

    @Test
    void theDeskListsADuePredictionWithItsDaysOverdue() throws Exception {
        String key = dueSince("2000-12-31", "desk-due");
        String statement =
                TestData.predictions().get("{key}", key).then().extract().path("statement");
        AdminTokenByDefault.anonymous();
        page("/")
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<main id=\"main\""))
                .body(containsString("<nav"))
                .body(containsString("href=\"/desk/predictions/" + key + "\">" + statement + "</a>"))
                .body(containsString("Due for review"))
                .body(containsString("The next 90 days"))
                .body(containsString("Recently resolved"))
                .body(containsString("href=\"/q/swagger-ui\""))
                .body(containsString("href=\"/desk/desk.css?v=" + version("desk.css") + "\""))
                .body(containsString("src=\"/desk/desk.js?v=" + version("desk.js") + "\""));
    }

    @Test
    void theDeskPagesThroughEveryDuePredictionOnceFiftyAPage() {
        // Sixty due on one day: more than a page, and a tie on the day that the keys order.
        Set<String> mine = new TreeSet<>();
        for (int i = 0; i < 60; i++) {
            mine.add(dueSince("2026-01-31", "zz-desk-page"));
        }
        AdminTokenByDefault.anonymous();
        String first = page("/").statusCode(200).extract().asString();

        List<String> seen = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String html = first;
        LocalDate lastDay = LocalDate.MIN;
        while (true) {
            List<String[]> rows = dueRows(html);
            assertTrue(rows.size() <= 50, rows.size() + " rows on a page");
            for (String[] row : rows) {
                seen.add(row[0]);
                LocalDate day = LocalDate.parse(row[1]);
                assertFalse(day.isBefore(lastDay), "longest overdue first: " + day + " after " + lastDay);
                lastDay = day;
            }
            pages.add(html);
            Optional<String> next = match(html, "rel=\"next\" href=\"(/\\?after=[^\"]+)\"");
            if (next.isEmpty()) {
                break;
            }
            assertTrue(pages.size() < 1000, "the next links never end");
            html = page(next.get()).statusCode(200).extract().asString();
        }
        assertTrue(pages.size() >= 2, "more than one page");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no prediction on two pages");
        assertTrue(seen.containsAll(mine), "every due prediction is on a page");
        long count = Long.parseLong(match(first, "<p>([0-9]+) predictions are due")
                .orElseThrow(() -> new AssertionError("no count of the due predictions")));
        assertEquals(count, seen.size(), "the count says how many are due in all");
        assertFalse(first.contains("rel=\"prev\""), "the first page has no previous page");

        // Back from the last page, page by page, to the first: the same rows.
        List<String> back = new ArrayList<>();
        html = pages.get(pages.size() - 1);
        back.addAll(0, dueRows(html).stream().map(r -> r[0]).toList());
        while (true) {
            Optional<String> previous = match(html, "rel=\"prev\" href=\"(/\\?before=[^\"]+)\"");
            if (previous.isEmpty()) {
                break;
            }
            html = page(previous.get()).statusCode(200).extract().asString();
            back.addAll(0, dueRows(html).stream().map(r -> r[0]).toList());
        }
        assertEquals(seen, back);
    }

    @Test
    void aDeskLinkThatIsNotOneIsAnHtmlPageNamingTheParameter() {
        AdminTokenByDefault.anonymous();
        page("/?after=yesterday")
                .statusCode(400)
                .body(containsString("<h1>Not a valid link</h1>"))
                .body(containsString("after: &#39;yesterday&#39; is not a place in the list of due predictions"));
        page("/?before=2026-01-01.No%20Key").statusCode(400).body(containsString("before: "));
    }

    @Test
    void theNextNinetyDaysShowAnOpenPredictionUnderItsMonth() {
        LocalDate on = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        Map<String, Object> body = TestData.prediction(TestData.key("desk-ahead"));
        body.put("target", TestData.target(on.toString(), "DAY", "EXPLICIT", "in a month"));
        String key = TestData.create(body);
        String month = on.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + on.getYear();
        AdminTokenByDefault.anonymous();
        String html = page("/").statusCode(200).extract().asString();
        String ahead = html.substring(html.indexOf("The next 90 days"), html.indexOf("Recently resolved"));
        assertTrue(ahead.contains("<h3>" + month + "</h3>"), ahead);
        assertTrue(
                ahead.contains(
                        "<time datetime=\"" + on + "\">" + on + "</time> <a href=\"/desk/predictions/" + key + "\">"),
                ahead);
    }

    @Test
    void aPredictionPageShowsTheStatementTheQuoteInItsLanguageAndTheTrajectoryChart() {
        AdminTokenByDefault.anonymous();
        page("/desk/predictions/" + TOWN_HALL_100X)
                .statusCode(200)
                .body(containsString("<h1>By the end of 2027 OpenAI will offer GPT-5-level intelligence at a cost at "
                        + "least 100 times lower than in early 2026.</h1>"))
                .body(containsString(
                        "<blockquote lang=\"zh-Hant\"><p>到2027年底，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100倍</p></blockquote>"))
                .body(containsString("§5 AI模型的成本與速度趨勢"))
                .body(containsString("by the end of 2027"))
                .body(containsString("Resolution criteria"))
                .body(containsString("<img src=\"/api/v1/predictions/" + TOWN_HALL_100X + "/trajectory.svg\""))
                .body(containsString("<ol class=\"history\">"))
                .body(containsString("Forecasts"));
    }

    @Test
    void aResolvedPredictionShowsItsOutcomeAndHistory() {
        String key = TestData.create(TestData.prediction(TestData.key("desk-resolved")));
        TestData.resolve(key);
        AdminTokenByDefault.anonymous();
        page("/desk/predictions/" + key)
                .statusCode(200)
                .body(containsString("<h2 id=\"resolution\">Resolution</h2>"))
                .body(containsString("outcome-CORRECT"))
                .body(containsString("checked"))
                .body(containsString("Final since"))
                .body(not(containsString("trajectory.svg")));
        page("/").statusCode(200).body(containsString("href=\"/desk/predictions/" + key + "\""));
    }

    @Test
    void anUnknownPredictionIsAnHtmlNotFoundPage() {
        AdminTokenByDefault.anonymous();
        page("/desk/predictions/no-such-prediction-" + TestData.uid())
                .statusCode(404)
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("does not exist"));
    }

    @Test
    void theQueueListsAnOpenReviewWithItsAssignee() {
        String key = TestData.createDue("desk-queue");
        int id = given().get("/api/v1/reviews?limit=500")
                .then()
                .extract()
                .path("items.find { it.prediction == '" + key + "' }.id");
        String who = "desk-" + TestData.uid();
        given().contentType("application/json")
                .body(Map.of("assignee", who))
                .put("/api/v1/reviews/" + id + "/assignee")
                .then()
                .statusCode(200);
        AdminTokenByDefault.anonymous();
        page("/desk/reviews?assignee=" + who)
                .statusCode(200)
                .body(containsString("<label for=\"assignee\">"))
                .body(containsString("href=\"/desk/predictions/" + key + "\""))
                .body(containsString(who));
    }

    @Test
    void speakersAndForecastersHaveTheirPages() {
        String forecaster = "desk-fc-" + TestData.uid();
        String token = given().contentType("application/json")
                .body(Map.of("name", forecaster, "roles", java.util.List.of("forecaster")))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String key = TestData.create(TestData.prediction(TestData.key("desk-fc")));
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("probability", 0.7))
                .post(TestData.PREDICTIONS + "/" + key + "/forecasts")
                .then()
                .statusCode(201);
        AdminTokenByDefault.anonymous();
        page("/desk/speakers").statusCode(200).body(containsString("Sam Altman"));
        page("/desk/forecasters")
                .statusCode(200)
                .body(containsString(forecaster))
                .body(containsString("<img src=\"/api/v1/forecasters/" + forecaster + "/calibration.svg\""));
        page("/desk/predictions/" + key).statusCode(200).body(containsString("70%"));
    }

    @Test
    void anUnknownDeskPageIsAnHtmlNotFoundPageAndTheScriptIsServed() {
        AdminTokenByDefault.anonymous();
        page("/desk/no-such-page")
                .statusCode(404)
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("page &#39;/desk/no-such-page&#39; does not exist"));
        page("/desk/predictions/a/b").statusCode(404).body(containsString("<h1>Not found</h1>"));
        given().get("/desk/desk.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("sessionStorage"));
    }

    @Test
    void theFormsFitTheStatusAndCarryTheVersionThePageShows() {
        String open = TestData.create(TestData.prediction(TestData.key("desk-forms")));
        String due = TestData.createDue("desk-forms-due");
        String resolved = TestData.create(TestData.prediction(TestData.key("desk-forms-resolved")));
        TestData.resolve(resolved);
        String etag =
                given().get(TestData.PREDICTIONS + "/" + due).then().extract().header("ETag");
        AdminTokenByDefault.anonymous();
        page("/desk/predictions/" + open)
                .statusCode(200)
                .body(containsString(
                        "<form class=\"action\" id=\"resolve\" data-method=\"POST\" data-path=\"/api/v1/predictions/"
                                + open + "/resolution\""))
                .body(containsString("id=\"withdraw\""))
                .body(containsString("id=\"forecast\""))
                .body(not(containsString("id=\"defer\"")))
                .body(not(containsString("id=\"reopen\"")));
        page("/desk/predictions/" + due)
                .statusCode(200)
                .body(containsString("data-etag=\"" + etag.replace("\"", "&quot;") + "\""))
                .body(containsString("id=\"defer\""))
                .body(containsString("<label for=\"defer-until\">"))
                .body(not(containsString("id=\"forecast\"")));
        page("/desk/predictions/" + resolved)
                .statusCode(200)
                .body(containsString("id=\"reopen\""))
                .body(not(containsString("id=\"resolve\"")));
    }

    /** A DUE prediction (with its open review) whose target window ended on {@code targetDate}. */
    private static String dueSince(String targetDate, String prefix) {
        Map<String, Object> body = TestData.pastPrediction(TestData.key(prefix));
        body.put("madeOn", "2000-01-10");
        body.put("target", TestData.target(targetDate, "DAY", "EXPLICIT", "on " + targetDate));
        String key = TestData.create(body);
        TestData.resolve(key);
        TestData.predictions()
                .delete("{key}/resolution", key)
                .then()
                .statusCode(200)
                .body("status", equalTo("DUE"));
        return key;
    }

    /** The key and the due date of each row of the page's due table. */
    private static List<String[]> dueRows(String html) {
        String due = html.substring(html.indexOf("<section aria-labelledby=\"due\">"));
        due = due.substring(0, due.indexOf("</section>"));
        List<String[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "<a href=\"/desk/predictions/([^\"]+)\">.*?<time datetime=\"([0-9-]+)\">", Pattern.DOTALL)
                .matcher(due);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2)});
        }
        return rows;
    }

    private static Optional<String> match(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Test
    void theScriptAndStylesheetAreCachedForGoodOnlyUnderTheAddressOfTheirContent() throws Exception {
        for (String file : new String[] {"desk.js", "desk.css", "intake.js"}) {
            String current = "/desk/" + file + "?v=" + version(file);
            given().get(current)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
            // The bare name, or the address an older page linked, is revalidated: an upgrade's file is fetched.
            for (String other : new String[] {"/desk/" + file, "/desk/" + file + "?v=0123456789ab"}) {
                given().get(other)
                        .then()
                        .statusCode(200)
                        .header("Cache-Control", equalTo("no-cache"))
                        .header("Cache-Control", not(containsString("immutable")));
            }
        }
    }

    /** What the pages' links to a file of the desk carry: the start of its SHA-256. */
    private static String version(String file) throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("src/main/resources/META-INF/resources/desk", file));
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes))
                .substring(0, 12);
    }

    @Test
    void theStylesheetIsServed() {
        given().get("/desk/desk.css")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/css"))
                .body(containsString("@media print"));
    }

    @Test
    void theApiDescriptionLeavesTheDeskOut() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/'", equalTo(null))
                .body("paths.'/desk/reviews'", equalTo(null));
    }
}
