package app.hindsight.web;

import static app.hindsight.prediction.TestData.MERGE_PATCH;
import static app.hindsight.prediction.TestData.PREDICTIONS;
import static app.hindsight.prediction.TestData.PROBLEM_JSON;
import static app.hindsight.prediction.TestData.key;
import static app.hindsight.prediction.TestData.prediction;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Text the service does not take in, wherever it comes: NUL and unpaired surrogates in any body string, query
 * parameter or path; percent-encodings that are not UTF-8; control characters in single-line fields, and all but line
 * breaks and tabs in multi-line ones. Each is a 400 naming the field, and nothing is stored.
 */
@QuarkusTest
class TextRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // --- the request target ---------------------------------------------------------------------------------------

    /** As sent, percent-encodings and all; anonymous, as a reader without a token. */
    private static ValidatableResponse raw(String target) {
        AdminTokenByDefault.anonymous();
        return given().urlEncodingEnabled(false).get(target).then();
    }

    private static void refused(String target, String field, String says) {
        raw(target)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(says))
                .body("detail", containsString(field + ": "));
    }

    @Test
    void nulInAQueryParameterOrPathIsRefusedNamingIt() {
        refused("/api/v1/predictions?q=%00", "q", "U+0000");
        refused("/api/v1/predictions?limit=5&speaker=a%00", "speaker", "U+0000");
        refused("/api/v1/predictions/%00", "path", "U+0000");
        refused("/api/v1/speakers/%00", "path", "U+0000");
        refused("/api/v1/reviews?assignee=%00", "assignee", "U+0000");
        refused("/desk/reviews?assignee=%00", "assignee", "U+0000");
        refused("/api/v1/predictions?q=a%0D%0Ab", "q", "single line");
    }

    @Test
    void percentEncodingThatIsNotUtf8IsRefusedNotReadAsReplacementCharacters() {
        refused("/api/v1/speakers/%FF", "path", "not UTF-8");
        refused("/api/v1/predictions/abc%C3%28", "path", "not UTF-8");
        refused("/desk/speakers/%C0%AF", "path", "not UTF-8");
        refused("/api/v1/predictions?q=%ED%A0%80", "q", "not UTF-8");
        refused("/api/v1/predictions?speaker=%E9", "speaker", "(%E9)");
    }

    @Test
    void nonAsciiTextStillWorksInQueriesAndPaths() {
        raw("/api/v1/predictions?q=%E4%B8%AD%E6%96%87&limit=1").statusCode(200);
        raw("/api/v1/predictions?speaker=Ren%C3%A9+Descartes&limit=1").statusCode(200);
        raw("/api/v1/speakers/Ren%C3%A9%20Descartes").statusCode(404).body("detail", containsString("René"));
    }

    // --- bodies -------------------------------------------------------------------------------------------------

    private static ValidatableResponse create(String json) {
        return given().contentType("application/json")
                .body(json.getBytes(StandardCharsets.UTF_8))
                .post(PREDICTIONS)
                .then();
    }

    private static String json(Object body) throws JsonProcessingException {
        return JSON.writeValueAsString(body);
    }

    private static void absent(String key) {
        given().get(PREDICTIONS + "/" + key).then().statusCode(404);
    }

    @Test
    void nulInAnyBodyStringIsRefusedNamingTheField() throws Exception {
        String key = key("nul");
        Map<String, Object> body = prediction(key);
        body.put("statement", "A null\u0000 byte by 2030.");
        create(json(body))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].message", containsString("U+0000"));

        body = prediction(key);
        body.put("topics", List.of("testing", "a\u0000"));
        create(json(body)).statusCode(400).body("errors[0].field", equalTo("topics[1]"));

        body = prediction(key);
        body.put("quote", Map.of("text", "\u0000", "lang", "en"));
        create(json(body)).statusCode(400).body("errors[0].field", equalTo("quote.text"));
        absent(key);
    }

    @Test
    void anEscapedLoneSurrogateIsRefusedNotStoredAsAQuestionMark() throws Exception {
        String key = key("surrogate");
        Map<String, Object> body = prediction(key);
        body.put("statement", "STATEMENT");
        String escaped = json(body).replace("STATEMENT", "Lone \\ud800 by 2030.");
        create(escaped)
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].message", containsString("unpaired surrogate (U+D800"));

        Map<String, Object> target = TestData.target("2030-12-31", "YEAR", "EXPLICIT", "LABEL");
        body = prediction(key);
        body.put("target", target);
        create(json(body).replace("LABEL", "\\udc00")).statusCode(400).body("errors[0].field", equalTo("target.label"));

        // The same surrogate as raw bytes (CESU-8, not UTF-8) is refused as well, whichever check sees it first.
        body = prediction(key);
        body.put("statement", "Raw RAW by 2030.");
        byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1).replace("RAW", "\u00ed\u00a0\u0080");
        given().contentType("application/json")
                .body(latin1.getBytes(StandardCharsets.ISO_8859_1))
                .post(PREDICTIONS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);

        // A field name that is no text is an unknown field, answered without a 500 for writing it back.
        create(json(prediction(key)).replace("{", "{\"\\ud800\": 1, ")).statusCode(400);
        absent(key);
    }

    @Test
    void aMergePatchIsCheckedToo() throws Exception {
        String key = TestData.create(prediction(key("patch")));
        String etag = given().get(PREDICTIONS + "/" + key).then().extract().header("ETag");
        given().contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(json(Map.of("resolutionCriteria", "a\u0000b")))
                .patch(PREDICTIONS + "/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("resolutionCriteria"));
        given().contentType(MERGE_PATCH)
                .header("If-Match", etag)
                .body(json(Map.of("statement", "Two\nlines")))
                .patch(PREDICTIONS + "/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("statement"))
                .body("errors[0].message", containsString("single line"));
        given().get(PREDICTIONS + "/" + key).then().statusCode(200).header("ETag", etag);
    }

    @Test
    void singleLineFieldsRefuseControlCharactersAndMultiLineFieldsTakeLineBreaks() throws Exception {
        String key = key("lines");
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "statement", "x\r\n\r\nPHISH http://evil/login",
                        "speaker", "Tab\tbed",
                        "resolutionCriteria", "bell\u0007")
                .entrySet()) {
            Map<String, Object> body = prediction(key);
            body.put(field.getKey(), field.getValue());
            create(json(body)).statusCode(400).body("errors[0].field", equalTo(field.getKey()));
        }
        Map<String, Object> body = prediction(key);
        body.put("quote", Map.of("text", "Said\u202E it", "lang", "en", "locator", "§1\u202E"));
        create(json(body))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("quote.locator")))
                .body("errors[0].message", containsString("bidirectional"));
        absent(key);

        String multi = "Line one,\nline two;\r\n\tand an indented three.";
        body = prediction(key);
        body.put("resolutionCriteria", multi);
        body.put("quote", Map.of("text", multi, "lang", "en"));
        create(json(body)).statusCode(201);
        given().get(PREDICTIONS + "/" + key)
                .then()
                .statusCode(200)
                .body("resolutionCriteria", equalTo(multi))
                .body("quote.text", equalTo(multi));
    }

    @Test
    void otherRecordsAreCheckedAsWell() throws Exception {
        given().contentType("application/json")
                .body(json(Map.of(
                        "url",
                        "https://example.org/hook",
                        "eventTypes",
                        List.of("prediction.due"),
                        "description",
                        "Chat\nbridge")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("description"));
        given().contentType("application/json")
                .body(json(Map.of("title", "A talk", "speaker", "Ada\u0085", "date", "2026-02-01")))
                .post("/api/v1/sources")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("speaker"));
    }

    @Test
    void anImportNamesTheItemAndFieldOfRefusedText() throws Exception {
        String good = json(prediction(key("import-good")));
        Map<String, Object> nul = prediction(key("import-nul"));
        nul.put("statement", "Null\u0000 statement.");
        Map<String, Object> lines = prediction(key("import-lines"));
        lines.put("speaker", "Two\nlines");
        given().contentType("application/x-ndjson")
                .body(String.join("\n", good, json(nul), json(lines)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/invalid-import"))
                .body("errors.index", equalTo(List.of(1, 2)))
                .body("errors.field", equalTo(List.of("statement", "speaker")))
                .body("errors[0].message", containsString("U+0000"))
                .body("errors[1].message", not(containsString("U+0000")));
        assertEquals(
                404,
                given().get(PREDICTIONS + "/" + JSON.readTree(good).path("key").asText())
                        .statusCode());
    }
}
