package app.hindsight.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.shared.Keys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ImportTest {

    String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    String source() {
        return """
                {"type": "source", "key": "src-%s", "title": "A talk", "speaker": "Ada", "date": "2026-02-01", "language": "en"}""".formatted(run);
    }

    String prediction(String name, String statement) {
        return """
                {"key": "imp-%s-%s", "statement": "%s", "kind": "FORECAST", "source": "src-%s", "topics": ["imports"], \
                "target": {"date": "2030-12-31", "precision": "YEAR", "basis": "EXPLICIT", "label": "by 2030"}}""".formatted(run, name, statement, run);
    }

    @Test
    void jsonArrayCreatesThenLeavesUnchangedThenUpdates() {
        String body = "[" + source() + "," + prediction("a", "A will happen.") + "," + prediction("b", "B will happen.")
                + "]";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0));
        given().get("/api/v1/predictions/imp-" + run + "-a")
                .then()
                .statusCode(200)
                .body("speaker", equalTo("Ada"))
                .body("madeOn", equalTo("2026-02-01"))
                .body("status", equalTo("OPEN"));

        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));

        String changed = "[" + source() + "," + prediction("a", "A will happen soon.") + "]";
        given().contentType(ContentType.JSON)
                .body(changed)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().get("/api/v1/predictions/imp-" + run + "-a").then().body("statement", equalTo("A will happen soon."));
        given().get("/api/v1/predictions/imp-" + run + "-a/history")
                .then()
                .body("items.type", contains("CREATED", "UPDATED"))
                .body("items[1].details.statement.old", equalTo("A will happen."))
                .body("items[1].details.statement.new", equalTo("A will happen soon."));
    }

    @Test
    void ndjsonIsAcceptedAndKeysAreGeneratedWhenAbsent() {
        String body = source() + "\n\n" + """
                {"statement": "Ndjson item %s will be tracked.", "kind": "CLAIM", "source": "src-%s", "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}
                """.formatted(run, run);
        given().contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        given().get("/api/v1/predictions/ndjson-item-" + run + "-tracked")
                .then()
                .statusCode(200)
                .body("kind", equalTo("CLAIM"));
    }

    @Test
    void dryRunCountsButWritesNothing() {
        String body = "[" + source() + "," + prediction("a", "A.") + "]";
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "true")
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("dryRun", equalTo(true));
        given().get("/api/v1/predictions/imp-" + run + "-a").then().statusCode(404);
        given().get("/api/v1/sources/src-" + run).then().statusCode(404);
    }

    @Test
    void oneBadItemMeansNothingIsWrittenAndEveryBadItemIsReported() {
        String body = "[" + source() + "," + prediction("good", "Good.") + ","
                + prediction("bad1", "Bad.").replace("\"FORECAST\"", "\"GUESS\"") + ","
                + prediction("bad2", "Bad too.").replace("\"2030-12-31\"", "\"2030-06-01\"") + ","
                + "{\"type\": \"opinion\"}," + "42]";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-import"))
                .body("errors.index", contains(2, 3, 4, 5))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[1].field", equalTo("target.date"))
                .body("errors[1].message", containsString("2030-12-31"))
                .body("errors[2].field", equalTo("type"))
                .body("errors[3].field", equalTo("body"));
        given().get("/api/v1/predictions/imp-" + run + "-good").then().statusCode(404);
        given().get("/api/v1/sources/src-" + run).then().statusCode(404);
    }

    @Test
    void dryRunReportsBadItemsToo() {
        String body = "[" + prediction("x", "X.").replace("src-" + run, "no-such-source-" + run) + "]";
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "true")
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors[0].index", equalTo(0))
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void duplicateKeysWithinOneImportAreRefused() {
        String body = "[" + source() + "," + prediction("a", "A.") + "," + prediction("a", "A again.") + "]";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors[0].index", equalTo(2))
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void keyOfADeletedPredictionIsRefused() {
        given().contentType(ContentType.JSON)
                .body("[" + source() + "," + prediction("gone", "Gone.") + "]")
                .post("/api/v1/imports")
                .then()
                .statusCode(200);
        given().delete("/api/v1/predictions/imp-" + run + "-gone").then().statusCode(204);
        given().contentType(ContentType.JSON)
                .body("[" + prediction("gone", "Gone.") + "]")
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void malformedBodiesAreBadRequests() {
        given().contentType(ContentType.JSON)
                .body("[{\"key\": ")
                .post("/api/v1/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        given().contentType(ContentType.JSON)
                .body("{\"key\": \"x\"}")
                .post("/api/v1/imports")
                .then()
                .statusCode(400)
                .body("detail", containsString("array"));
        given().contentType("application/x-ndjson")
                .body((source() + "\n{nope\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .body("errors[0].index", equalTo(1))
                .body("errors[0].message", containsString("line 2"));
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", "maybe")
                .body("[]")
                .post("/api/v1/imports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/imports")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("[]")
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(0));
    }

    /** A prediction without a key: it gets one from its statement. */
    static String keyless(String statement) {
        return """
                {"statement": "%s", "kind": "FORECAST", "speaker": "Someone", "madeOn": "2026-01-01", \
                "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}""".formatted(statement);
    }

    static io.restassured.response.ValidatableResponse importNdjson(String... lines) {
        return given().contentType("application/x-ndjson")
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then();
    }

    @Test
    void keylessItemsWhoseStatementsShareAPrefixAreTwoPredictions() {
        String alice = "Forecast " + run
                + " frontier model training costs will keep falling quickly through the decade, says Alice.";
        String bob = "Forecast " + run
                + " frontier model training costs will keep falling quickly through the decade, says Bob.";
        String base = Keys.fromStatement(alice);
        assertEquals(base, Keys.fromStatement(bob), "the premise: both statements give one key");

        importNdjson(keyless(alice)).statusCode(200).body("created", equalTo(1));
        given().queryParam("dryRun", "true")
                .contentType("application/x-ndjson")
                .body(keyless(bob).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(0));
        given().get("/api/v1/predictions/" + base + "-2").then().statusCode(404);
        importNdjson(keyless(bob)).statusCode(200).body("created", equalTo(1)).body("updated", equalTo(0));

        given().get("/api/v1/predictions/" + base).then().statusCode(200).body("statement", equalTo(alice));
        given().get("/api/v1/predictions/" + base + "/history").then().body("items.type", contains("CREATED"));
        given().get("/api/v1/predictions/" + base + "-2").then().statusCode(200).body("statement", equalTo(bob));
    }

    @Test
    void keylessStatementsWithoutAsciiLettersOrDigitsAreEachTheirOwnPrediction() {
        String cost = "到二〇三〇年" + cjk(run) + "，成本將降到百分之一。";
        String children = "到二〇三〇年" + cjk(run) + "，幼兒園的孩子不應該使用人工智能。";

        importNdjson(keyless(cost)).statusCode(200).body("created", equalTo(1));
        importNdjson(keyless(children))
                .statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(0));

        given().get("/api/v1/predictions/" + Keys.fromStatement(cost))
                .then()
                .statusCode(200)
                .body("statement", equalTo(cost));
        given().get("/api/v1/predictions/" + Keys.fromStatement(children))
                .then()
                .statusCode(200)
                .body("statement", equalTo(children));
    }

    @Test
    void keylessItemsWithOneStatementAreCreatedEachTime() {
        String statement = "Keyless " + run + " items are created, never upserted.";
        String base = Keys.fromStatement(statement);

        importNdjson(keyless(statement), keyless(statement)).statusCode(200).body("created", equalTo(2));
        importNdjson(keyless(statement))
                .statusCode(200)
                .body("created", equalTo(1))
                .body("unchanged", equalTo(0));

        for (String key : new String[] {base, base + "-2", base + "-3"}) {
            given().get("/api/v1/predictions/" + key).then().statusCode(200).body("statement", equalTo(statement));
        }
    }

    @Test
    void keylessItemLeavesItsKeyToAnItemThatNamesIt() {
        String statement = "Generated " + run + " keys yield to named ones.";
        String base = Keys.fromStatement(statement);
        String named = """
                {"key": "%s", "statement": "Named %s.", "kind": "CLAIM", "speaker": "Someone", "madeOn": "2026-01-01", \
                "target": {"basis": "NONE"}, "reviewEvery": "P1Y"}""".formatted(base, run);

        importNdjson(keyless(statement), named).statusCode(200).body("created", equalTo(2));

        given().get("/api/v1/predictions/" + base)
                .then()
                .statusCode(200)
                .body("statement", equalTo("Named " + run + "."));
        given().get("/api/v1/predictions/" + base + "-2").then().statusCode(200).body("statement", equalTo(statement));
    }

    @Test
    void invalidUtf8IsRefusedAndNothingIsWritten() {
        // "Cafés" with the é as ISO-8859-1 writes it (the one byte E9): not UTF-8. The item is otherwise valid.
        byte[] ndjson =
                (source() + "\n" + prediction("latin1", "Caf@s will close by 2030.")).getBytes(StandardCharsets.UTF_8);
        byte[] array = ("[" + source() + "," + prediction("latin1", "Caf@s will close by 2030.") + "]")
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] body : new byte[][] {ndjson, array}) {
            for (int i = 0; i < body.length; i++) {
                if (body[i] == '@') {
                    body[i] = (byte) 0xE9;
                }
            }
        }

        given().contentType("application/x-ndjson")
                .body(ndjson)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].index", equalTo(1))
                .body("errors[0].message", containsString("line 2"));
        given().contentType(ContentType.JSON)
                .body(array)
                .post("/api/v1/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().get("/api/v1/predictions/imp-" + run + "-latin1").then().statusCode(404);
        given().get("/api/v1/sources/src-" + run).then().statusCode(404);
    }

    @Test
    void outOfRangeDatesAndPeriodsAreInvalidItems() {
        String body = "[" + source() + "," + prediction("far", "Far.").replace("\"2030-12-31\"", "\"+999999999-12-31\"")
                + "," + keyless("Forever " + run + ".").replace("\"P1Y\"", "\"P2147483647Y\"") + "]";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/imports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.index", contains(1, 2))
                .body("errors.field", contains("target.date", "reviewEvery"));
        given().get("/api/v1/sources/src-" + run).then().statusCode(404);
    }

    /** A hex run id as CJK numerals, so a statement can be unique without ASCII letters or digits. */
    static String cjk(String hex) {
        StringBuilder s = new StringBuilder();
        for (char c : hex.toCharArray()) {
            s.append("〇一二三四五六七八九甲乙丙丁戊己".charAt(Character.digit(c, 16)));
        }
        return s.toString();
    }
}
