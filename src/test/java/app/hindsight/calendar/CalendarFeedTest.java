package app.hindsight.calendar;

import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.create;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.pastPrediction;
import static app.hindsight.prediction.TestData.prediction;
import static app.hindsight.prediction.TestData.predictions;
import static app.hindsight.prediction.TestData.resolve;
import static app.hindsight.prediction.TestData.target;
import static app.hindsight.prediction.TestData.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarFeedTest {

    private static final String FEED = "/api/v1/calendar.ics";
    /** A window (the longest, five years) around the test data's target dates, 2025-12-31 to 2030-12-31. */
    private static final String FROM = "2025-12-31";

    private static final String TO = "2030-12-31";
    private static final DateTimeFormatter UTC_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Test
    void openAndDuePredictionsAreEventsOnTheirTargetDate() throws Exception {
        String topic = topic();
        String open = create(withTopic(prediction(key("cal-open")), topic));
        String due = create(withTopic(pastPrediction(key("cal-due")), topic));
        resolve(due);
        predictions().delete("{key}/resolution", due).then().statusCode(200).body("status", equalTo("DUE"));

        Response response = given().queryParam("topic", topic)
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .get(FEED);
        response.then().statusCode(200).contentType(startsWith("text/calendar"));
        assertTrue(response.contentType().toLowerCase().contains("charset=utf-8"), response.contentType());
        Calendar calendar = parse(response.asByteArray());
        calendar.validate();

        assertEquals("-//Hindsight//Predictions//EN", value(calendar, Property.PRODID));
        assertEquals("2.0", value(calendar, Property.VERSION));
        assertEquals("GREGORIAN", value(calendar, Property.CALSCALE));
        assertEquals("Hindsight: predictions coming due", value(calendar, "X-WR-CALNAME"));

        Map<String, VEvent> events = byUid(calendar);
        assertEquals(Set.of(open + "@hindsight", due + "@hindsight"), events.keySet());

        VEvent openEvent = events.get(open + "@hindsight");
        assertAllDay(openEvent, "20301231", "20310101");
        Map<String, Object> stored = predictions()
                .get("{key}", open)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(stored.get("statement"), value(openEvent, Property.SUMMARY));
        assertEquals(
                UTC_STAMP.format(Instant.parse((String) stored.get("updatedAt"))), value(openEvent, Property.DTSTAMP));
        assertEquals("CONFIRMED", value(openEvent, Property.STATUS));
        assertEquals(topic, value(openEvent, Property.CATEGORIES));
        String description = value(openEvent, Property.DESCRIPTION);
        assertTrue(description.contains("Speaker: Test Speaker"), description);
        assertTrue(description.contains("Status: OPEN"), description);
        assertTrue(description.contains("Target: by the end of 2030 (2030-12-31, YEAR, EXPLICIT)"), description);
        assertTrue(description.contains("API: /api/v1/predictions/" + open), description);
        assertTrue(value(openEvent, Property.URL).endsWith("/api/v1/predictions/" + open));

        VEvent dueEvent = events.get(due + "@hindsight");
        assertAllDay(dueEvent, "20251231", "20260101");
        assertTrue(value(dueEvent, Property.DESCRIPTION).contains("Status: DUE"));
    }

    @Test
    void resolvedAndWithdrawnPredictionsAreLeftOut() throws Exception {
        String topic = topic();
        String open = create(withTopic(prediction(key("cal-keep")), topic));
        String resolved = create(withTopic(prediction(key("cal-resolved")), topic));
        String withdrawn = create(withTopic(prediction(key("cal-withdrawn")), topic));
        predictions()
                .contentType("application/json")
                .body(Map.of("outcome", "CORRECT", "note", "n"))
                .post("{key}/resolution", resolved)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        predictions()
                .contentType("application/json")
                .body("{}")
                .post("{key}/withdrawal", withdrawn)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        assertEquals(Set.of(open + "@hindsight"), uids(feed("topic", topic, "from", FROM, "to", TO)));
        // A status filter is cut down to OPEN and DUE, never widened.
        assertEquals(
                Set.of(open + "@hindsight"),
                uids(feed("topic", topic, "from", FROM, "to", TO, "status", "OPEN,RESOLVED,WITHDRAWN")));
        assertEquals(Set.of(), uids(feed("topic", topic, "from", FROM, "to", TO, "status", "DUE")));

        byte[] onlyResolved = feedBytes("topic", topic, "from", FROM, "to", TO, "status", "RESOLVED");
        Calendar empty = parse(onlyResolved);
        assertEquals(0, empty.getComponents().size());
        assertEquals("-//Hindsight//Predictions//EN", value(empty, Property.PRODID));
    }

    @Test
    void uidStaysTheSameAcrossRequestsAndEdits() throws Exception {
        TestClock clock = TestClock.install(Instant.parse("2026-03-01T09:00:00Z"));
        String topic = topic();
        String key = create(withTopic(prediction(key("cal-stable")), topic));

        byte[] first = feedBytes("topic", topic, "from", FROM, "to", TO);
        byte[] second = feedBytes("topic", topic, "from", FROM, "to", TO);
        assertEquals(
                new String(first, StandardCharsets.UTF_8),
                new String(second, StandardCharsets.UTF_8),
                "the same data gives the same feed");
        VEvent before = only(parse(first));
        assertEquals(key + "@hindsight", value(before, Property.UID));
        assertEquals("20260301T090000Z", value(before, Property.DTSTAMP));

        clock.advance(Duration.ofHours(5));
        String etag =
                predictions().get("{key}", key).then().statusCode(200).extract().header("ETag");
        predictions()
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("statement", "Edited: by the end of 2030 " + key + " will come true."))
                .patch("{key}", key)
                .then()
                .statusCode(200);

        VEvent after = only(feed("topic", topic, "from", FROM, "to", TO));
        assertEquals(key + "@hindsight", value(after, Property.UID));
        assertEquals("Edited: by the end of 2030 " + key + " will come true.", value(after, Property.SUMMARY));
        assertEquals("20260301T140000Z", value(after, Property.DTSTAMP), "DTSTAMP follows the edit");
    }

    @Test
    void textIsEscapedAndLinesAreFoldedAt75Octets() throws Exception {
        String topic = topic();
        String statement = "By 2030, costs; latency, and \\ backslashes; will all fall by half, a test of escaping "
                + "that goes on long enough to need folding, several times over: " + "x".repeat(120) + " end.";
        String quote = "到2027年底，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100倍；到2030年，每個人都將擁有自己的AI助理 😀。";
        String criteria = "First line, with a comma.\nSecond line; with a semicolon.";
        Map<String, Object> body = withTopic(prediction(key("cal-escape")), topic);
        body.put("statement", statement);
        body.put("quote", Map.of("text", quote, "lang", "zh-Hant", "locator", "§5"));
        body.put("resolutionCriteria", criteria);
        create(body);

        byte[] raw = feedBytes("topic", topic, "from", FROM, "to", TO);
        String text = new String(raw, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "the last line ends with CRLF");
        String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
        for (String line : lines) {
            assertFalse(line.contains("\r") || line.contains("\n"), "a bare CR or LF in: " + line);
            int octets = line.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, octets + " octets: " + line);
        }
        assertTrue(List.of(lines).stream().anyMatch(l -> l.startsWith(" ")), "long lines are folded");
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:By 2030\\, costs\\; latency\\, and \\\\ backslashes\\;"), unfolded);
        assertTrue(unfolded.contains("First line\\, with a comma.\\nSecond line\\; with a semicolon."), unfolded);

        VEvent event = only(parse(raw));
        assertEquals(statement, value(event, Property.SUMMARY));
        String description = value(event, Property.DESCRIPTION);
        assertTrue(description.contains("Quote (zh-Hant, §5): " + quote), description);
        assertTrue(description.contains("Resolution criteria: " + criteria), description);
    }

    @Test
    void undatedPredictionIsAReviewOnItsNextReviewDate() throws Exception {
        TestClock.install(Instant.parse("2026-02-01T10:00:00Z"));
        String topic = topic();
        Map<String, Object> body = withTopic(prediction(key("cal-undated")), topic);
        body.put("statement", "Kindergarten children should not use AI, says test " + topic + ".");
        body.put("kind", "STANCE");
        body.put("target", Map.of("basis", "NONE"));
        body.put("reviewEvery", "P6M");
        ExtractableResponse<Response> created = predictions()
                .contentType("application/json")
                .body(body)
                .post()
                .then()
                .statusCode(201)
                .extract();
        assertEquals("2026-08-01", created.path("nextReviewOn"));

        VEvent event = only(feed("topic", topic));
        assertAllDay(event, "20260801", "20260802");
        assertEquals("Review: " + body.get("statement"), value(event, Property.SUMMARY));
        assertEquals(created.path("key") + "@hindsight", value(event, Property.UID));
        assertTrue(value(event, Property.DESCRIPTION).contains("Review every: P6M"));
    }

    @Test
    void filtersNarrowTheFeed() throws Exception {
        String topic = topic();
        String forecast = create(withTopic(prediction(key("cal-forecast")), topic));
        Map<String, Object> commitment = withTopic(prediction(key("cal-commitment")), topic);
        commitment.put("kind", "COMMITMENT");
        commitment.put("target", target("2028-12-31", "YEAR", "EXPLICIT", "by the end of 2028"));
        String committed = create(commitment);

        assertEquals(
                Set.of(forecast + "@hindsight", committed + "@hindsight"),
                uids(feed("topic", topic, "from", FROM, "to", TO)));
        assertEquals(
                Set.of(committed + "@hindsight"),
                uids(feed("topic", topic, "from", FROM, "to", TO, "kind", "COMMITMENT")));
        assertEquals(
                Set.of(committed + "@hindsight"),
                uids(feed("topic", topic, "from", FROM, "to", TO, "dueBefore", "2030-01-01")));
        assertEquals(
                Set.of(forecast + "@hindsight"),
                uids(feed("topic", topic, "from", FROM, "to", TO, "dueAfter", "2030-01-01")));
        assertEquals(Set.of(), uids(feed("topic", topic())));
    }

    @Test
    void badFilterIsAProblemDocument() {
        given().queryParam("status", "SOON")
                .get(FEED)
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("status"));
        given().queryParam("dueBefore", "tomorrow")
                .get(FEED)
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("errors[0].field", equalTo("dueBefore"));
    }

    @Test
    void theDefaultWindowIsTheLast90DaysAndTheNextYearAndFromToMoveIt() throws Exception {
        TestClock.install(Instant.parse("2026-03-01T09:00:00Z"));
        String topic = topic();
        String tooOld = create(onDay(topic, "cal-too-old", "2025-11-30"));
        String firstDay = create(onDay(topic, "cal-first-day", "2025-12-01"));
        String lastDay = create(onDay(topic, "cal-last-day", "2027-03-01"));
        String tooFar = create(onDay(topic, "cal-too-far", "2027-03-02"));
        Map<String, Object> undated = withTopic(prediction(key("cal-review-far")), topic);
        undated.put("target", Map.of("basis", "NONE"));
        undated.put("reviewEvery", "P2Y");
        String reviewFar = create(undated);

        Response response = given().queryParam("topic", topic).get(FEED);
        response.then().statusCode(200).header("Hindsight-Calendar-Window", "2025-12-01/2027-03-01");
        Calendar calendar = parse(response.asByteArray());
        calendar.validate();
        assertEquals(Set.of(firstDay + "@hindsight", lastDay + "@hindsight"), uids(calendar));
        assertTrue(
                value(calendar, "X-WR-CALDESC").endsWith("from 2025-12-01 to 2027-03-01"),
                value(calendar, "X-WR-CALDESC"));

        assertEquals(
                Set.of(tooOld + "@hindsight", firstDay + "@hindsight"),
                uids(feed("topic", topic, "from", "2025-01-01", "to", "2026-12-31")));
        // A bound left out keeps its default: from 2027-01-01 to a year after today.
        assertEquals(Set.of(lastDay + "@hindsight"), uids(feed("topic", topic, "from", "2027-01-01")));
        assertEquals(
                Set.of(tooFar + "@hindsight", reviewFar + "@hindsight"),
                uids(feed("topic", topic, "from", "2027-03-02", "to", "2028-03-01")));
        given().queryParams("topic", topic, "from", "2027-03-02", "to", "2028-02-29")
                .get(FEED)
                .then()
                .statusCode(200)
                .header("Hindsight-Calendar-Window", "2027-03-02/2028-02-29");
    }

    @Test
    void aBadOrTooLongWindowIsAProblemDocumentNamingTheParameter() {
        TestClock.install(Instant.parse("2026-03-01T09:00:00Z"));
        badWindow("from", "not a date", Map.of("from", "2027-02-30"));
        badWindow("to", "not a date", Map.of("to", "soon"));
        badWindow("to", "before it starts", Map.of("from", "2027-01-02", "to", "2027-01-01"));
        badWindow("to", "longer than P5Y", Map.of("from", "2027-01-01", "to", "2032-01-02"));
        // A far start with the default end (a year ahead) is too long as well; from is the one given.
        badWindow("from", "longer than P5Y", Map.of("from", "2020-01-01"));
        given().queryParams(Map.of("from", "2027-01-01", "to", "2032-01-01"))
                .get(FEED)
                .then()
                .statusCode(200)
                .header("Hindsight-Calendar-Window", "2027-01-01/2032-01-01");
    }

    private static void badWindow(String field, String says, Map<String, String> query) {
        String message = given().queryParams(query)
                .get(FEED)
                .then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(400))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .extract()
                .path("errors[0].message");
        assertTrue(message.contains(says) || says.equals("not a date") && message.contains("must be a date"), message);
    }

    @Test
    void anonymousCallersCanSubscribe() throws Exception {
        String topic = topic();
        String key = create(withTopic(prediction(key("cal-anon")), topic));
        AdminTokenByDefault.anonymous();
        Response response = given().queryParam("topic", topic)
                .queryParam("from", FROM)
                .queryParam("to", TO)
                .get(FEED);
        response.then().statusCode(200).contentType(startsWith("text/calendar"));
        assertEquals(key + "@hindsight", value(only(parse(response.asByteArray())), Property.UID));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String topic() {
        return "cal-" + uid();
    }

    /** An OPEN prediction whose target window is the one day {@code on}. */
    private static Map<String, Object> onDay(String topic, String prefix, String on) {
        Map<String, Object> body = withTopic(prediction(key(prefix)), topic);
        body.put("madeOn", "2025-01-10");
        body.put("target", target(on, "DAY", "EXPLICIT", "on " + on));
        return body;
    }

    private static Map<String, Object> withTopic(Map<String, Object> body, String topic) {
        body.put("topics", new ArrayList<>(List.of(topic)));
        return body;
    }

    private static byte[] feedBytes(String... query) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        return given().queryParams(params)
                .get(FEED)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asByteArray();
    }

    private static Calendar feed(String... query) throws IOException, ParserException {
        return parse(feedBytes(query));
    }

    private static Calendar parse(byte[] body) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(new String(body, StandardCharsets.UTF_8)));
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        Map<String, VEvent> events = new LinkedHashMap<>();
        for (VEvent e : calendar.<VEvent>getComponents(VEvent.VEVENT)) {
            events.put(value(e, Property.UID), e);
        }
        assertEquals(calendar.getComponents().size(), events.size(), "one event per UID, nothing else");
        return events;
    }

    private static Set<String> uids(Calendar calendar) {
        return new TreeSet<>(byUid(calendar).keySet());
    }

    private static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertEquals(1, events.size(), calendar.toString());
        return events.get(0);
    }

    private static void assertAllDay(VEvent event, String start, String end) {
        Property dtStart = event.getProperty(Property.DTSTART).orElseThrow();
        Property dtEnd = event.getProperty(Property.DTEND).orElseThrow();
        assertEquals(start, dtStart.getValue());
        assertEquals(end, dtEnd.getValue());
        assertEquals(
                "DATE",
                dtStart.<Parameter>getParameter(Parameter.VALUE).orElseThrow().getValue());
        assertEquals(
                "DATE",
                dtEnd.<Parameter>getParameter(Parameter.VALUE).orElseThrow().getValue());
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name)
                .orElseThrow(() -> new AssertionError("no " + name))
                .getValue();
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name)
                .orElseThrow(() -> new AssertionError("no " + name))
                .getValue();
    }
}
