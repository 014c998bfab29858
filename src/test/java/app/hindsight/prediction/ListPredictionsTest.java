package app.hindsight.prediction;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.createSource;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.resolve;
import static app.hindsight.prediction.TestData.source;
import static app.hindsight.prediction.TestData.target;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Each test tags its data with a topic of its own, so other tests' predictions never match. */
@QuarkusTest
@TestHTTPEndpoint(PredictionResource.class)
class ListPredictionsTest {

    @Test
    void statusFilterIsRepeatableAndCommaSeparated() {
        String topic = topic();
        String open = create(tagged(topic, key("open")));
        String resolved = create(tagged(topic, key("resolved")));
        resolve(resolved);
        String withdrawn = create(tagged(topic, key("withdrawn")));
        given().contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", withdrawn)
                .then()
                .statusCode(200);

        assertEquals(List.of(open), keys(Map.of("topic", topic, "status", "OPEN")));
        assertEquals(List.of(resolved), keys(Map.of("topic", topic, "status", "resolved")));
        assertEquals(
                List.of(open, resolved),
                given().queryParam("topic", topic)
                        .queryParam("status", "OPEN", "RESOLVED")
                        .get()
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.key"));
        assertEquals(List.of(open, withdrawn), keys(Map.of("topic", topic, "status", "OPEN,WITHDRAWN")));
        assertEquals(List.of(open, resolved, withdrawn), keys(Map.of("topic", topic)));
    }

    @Test
    void kindFilterMatchesOnlyThatKind() {
        String topic = topic();
        String forecast = create(tagged(topic, key("forecast")));
        Map<String, Object> commitment = tagged(topic, key("commitment"));
        commitment.put("kind", "COMMITMENT");
        String committed = create(commitment);

        assertEquals(List.of(committed), keys(Map.of("topic", topic, "kind", "COMMITMENT")));
        assertEquals(List.of(forecast), keys(Map.of("topic", topic, "kind", "FORECAST")));
        assertEquals(List.of(), keys(Map.of("topic", topic, "kind", "STANCE")));
    }

    @Test
    void topicFilterMatchesAnyOfAPredictionsTopics() {
        String topic = topic();
        Map<String, Object> body = prediction(key("topic"));
        body.put("topics", List.of("aaa-first", topic, "zzz-last"));
        String key = create(body);
        create(prediction(key("other-topic")));

        assertEquals(List.of(key), keys(Map.of("topic", topic)));
    }

    @Test
    void speakerFilterMatchesTheSpeakerAndNoOther() {
        String speaker = "Speaker " + uid();
        Map<String, Object> body = prediction(key("speaker"));
        body.put("speaker", speaker);
        String key = create(body);
        Map<String, Object> other = prediction(key("other-speaker"));
        other.put("speaker", "Speaker " + uid());
        create(other);

        assertEquals(List.of(key), keys(Map.of("speaker", speaker)));
    }

    @Test
    void sourceFilterMatchesPredictionsFromThatSource() {
        String sourceKey = createSource(source(key("list-src")));
        Map<String, Object> body = prediction(key("sourced"));
        body.put("source", sourceKey);
        String key = create(body);

        assertEquals(List.of(key), keys(Map.of("source", sourceKey)));
    }

    @Test
    void dueBeforeAndDueAfterSplitOnDueAt() {
        String topic = topic();
        Map<String, Object> mid = tagged(topic, key("mid-2030"));
        mid.put("target", target("2030-06-30", "MONTH", "EXPLICIT", "by June 2030"));
        String early = create(mid); // dueAt 2030-07-01T00:00:00Z
        String late = create(tagged(topic, key("end-2030"))); // dueAt 2031-01-01T00:00:00Z

        assertEquals(List.of(early), keys(Map.of("topic", topic, "dueBefore", "2030-07-02")));
        assertEquals(List.of(late), keys(Map.of("topic", topic, "dueAfter", "2030-07-02")));
        // dueBefore is exclusive, dueAfter inclusive; both take instants too.
        assertEquals(List.of(), keys(Map.of("topic", topic, "dueBefore", "2030-07-01T00:00:00Z")));
        assertEquals(List.of(early, late), keys(Map.of("topic", topic, "dueAfter", "2030-07-01T00:00:00Z")));
        assertEquals(List.of(late), keys(Map.of("topic", topic, "dueAfter", "2030-07-02", "dueBefore", "2031-01-02")));
    }

    @Test
    void qMatchesStatementAndQuoteTextIgnoringCase() {
        String topic = topic();
        String inStatement = "Platypus" + uid();
        String inQuote = "Wombat" + uid();
        Map<String, Object> a = tagged(topic, key("q-statement"));
        a.put("statement", "The " + inStatement + " index will double by 2030.");
        String byStatement = create(a);
        Map<String, Object> b = tagged(topic, key("q-quote"));
        b.put("quote", Map.of("text", "the " + inQuote + " said so", "lang", "en"));
        String byQuote = create(b);

        assertEquals(List.of(byStatement), keys(Map.of("q", inStatement.toLowerCase())));
        assertEquals(List.of(byQuote), keys(Map.of("q", inQuote.toUpperCase())));
        assertEquals(List.of(), keys(Map.of("topic", topic, "q", "nothing-like-this-" + uid())));
    }

    @Test
    void qTreatsPercentAndUnderscoreLiterally() {
        String topic = topic();
        Map<String, Object> body = tagged(topic, key("percent"));
        body.put("statement", "Margins will reach 50% by 2030.");
        String key = create(body);
        create(tagged(topic, key("no-percent")));

        assertEquals(List.of(key), keys(Map.of("topic", topic, "q", "50%")));
        assertEquals(List.of(), keys(Map.of("topic", topic, "q", "_")));
    }

    @Test
    void cursorWalksEveryMatchOncePageByPage() {
        String topic = topic();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(tagged(topic, key("page" + i))));
        }

        Response first =
                given().queryParam("topic", topic).queryParam("limit", 2).get();
        first.then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue())
                .header("Link", matchesPattern("<[^>]*cursor=[^>]*>; *rel=\"next\""));
        String cursor1 = first.path("nextCursor");
        org.hamcrest.MatcherAssert.assertThat(first.header("Link"), containsString("cursor=" + cursor1));
        org.hamcrest.MatcherAssert.assertThat(first.header("Link"), containsString("topic=" + topic));

        // The Link header is a usable URL for the next page: on the public address (hindsight.public-url), which
        // in tests is not the random port the tests reach the service at, so only its path and query are followed.
        java.net.URI link = java.net.URI.create(first.header("Link").replaceAll("^<([^>]*)>.*$", "$1"));
        String next = link.getRawPath() + "?" + link.getRawQuery();
        Response second = given().basePath("").urlEncodingEnabled(false).get(next);
        second.then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue())
                .header("Link", matchesPattern("<[^>]*cursor=[^>]*>; *rel=\"next\""));

        Response third = given().queryParam("topic", topic)
                .queryParam("limit", 2)
                .queryParam("cursor", (String) second.path("nextCursor"))
                .get();
        third.then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue())
                .header("Link", nullValue());

        List<String> walked = new ArrayList<>();
        walked.addAll(first.path("items.key"));
        walked.addAll(second.path("items.key"));
        walked.addAll(third.path("items.key"));
        assertEquals(created, walked);
    }

    @Test
    void exactlyFullLastPageHasNoNextCursor() {
        String topic = topic();
        create(tagged(topic, key("full1")));
        create(tagged(topic, key("full2")));

        given().queryParam("topic", topic)
                .queryParam("limit", 2)
                .get()
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", nullValue())
                .header("Link", nullValue());
    }

    // --- 400s ---------------------------------------------------------------------------------

    @Test
    void limitZeroIsABadRequest() {
        badRequest("limit", "0", "limit");
    }

    @Test
    void limitAboveFiveHundredIsABadRequest() {
        badRequest("limit", "501", "limit");
    }

    @Test
    void limitFiveHundredIsAllowed() {
        given().queryParam("limit", 500)
                .queryParam("topic", topic())
                .get()
                .then()
                .statusCode(200);
    }

    @Test
    void nonNumericLimitIsABadRequest() {
        badRequest("limit", "abc", "limit");
    }

    @Test
    void garbageCursorIsABadRequest() {
        badRequest("cursor", "garbage", "cursor");
    }

    @Test
    void unknownStatusIsABadRequest() {
        badRequest("status", "FOO", "status");
    }

    @Test
    void unknownKindIsABadRequest() {
        badRequest("kind", "PROPHECY", "kind");
    }

    @Test
    void badDueBeforeIsABadRequest() {
        badRequest("dueBefore", "notadate", "dueBefore");
    }

    @Test
    void badDueAfterIsABadRequest() {
        badRequest("dueAfter", "2030-02-30", "dueAfter");
    }

    @Test
    void topicThatCannotBeATagIsABadRequest() {
        badRequest("topic", "no such'tag", "topic");
    }

    private static void badRequest(String param, String value, String field) {
        given().queryParam(param, value)
                .get()
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("errors.field", hasItem(field));
    }

    static String topic() {
        return "t-" + uid();
    }

    static Map<String, Object> tagged(String topic, String key) {
        Map<String, Object> body = prediction(key);
        body.put("topics", List.of(topic));
        return body;
    }

    /** The keys of every match, following nextCursor, so the result does not depend on the page size. */
    static List<String> keys(Map<String, ?> query) {
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var request = RestAssured.given().queryParams(query);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get();
            page.then().statusCode(200);
            keys.addAll(page.path("items.key"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return keys;
    }
}
