package app.hindsight.intake.store;

import static app.hindsight.intake.store.Intake.candidate;
import static app.hindsight.intake.store.Intake.coverage;
import static app.hindsight.intake.store.Intake.path;
import static app.hindsight.intake.store.Intake.putText;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Accepting, dismissing and undoing, spans added by hand, the coverage after each step, and replacing. */
@QuarkusTest
class TriageTest {

    private static Response accept(String key, int id, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post(path(key) + "/candidates/" + id + "/accept");
    }

    private static Response dismiss(String key, int id, String reason) {
        return given().contentType("application/json")
                .body(Map.of("reason", reason, "note", "checked by a test"))
                .post(path(key) + "/candidates/" + id + "/dismiss");
    }

    @Test
    void acceptDismissUndoAndAddByHandThenTheSourceIsFullyTriaged() {
        String key = Intake.source("triage");
        putText(key, Intake.TALK).then().statusCode(201).body("found", equalTo(3));
        assertEquals(3, coverage(key).getInt("pending"));

        int ship = candidate(key, "We will ship");
        String prediction = accept(key, ship, Map.of("statement", "The new model ships by the end of 2027."))
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/predictions/"))
                .header("ETag", startsWith("\""))
                .body("quote.text", equalTo("We will ship the new model by the end of 2027."))
                .body("quote.lang", equalTo("en"))
                .body("quote.locator", equalTo("§Outlook › ¶1"))
                .body("source", equalTo(key))
                .body("speaker", equalTo("Speaker of " + key))
                .body("madeOn", equalTo("2026-01-27"))
                .body("kind", equalTo("COMMITMENT"))
                .body("target.date", equalTo("2027-12-31"))
                .body("target.basis", equalTo("EXPLICIT"))
                .extract()
                .path("key");
        given().get(path(key) + "/candidates/" + ship)
                .then()
                .body("state", equalTo("ACCEPTED"))
                .body("prediction", equalTo(prediction));
        given().get(TestData.PREDICTIONS + "/" + prediction).then().statusCode(200);
        given().get(TestData.PREDICTIONS + "/" + prediction + "/history")
                .then()
                .statusCode(200)
                .body("items[0].type", equalTo("CREATED"))
                .body("items[0].note", equalTo("accepted from candidate " + ship + " of source " + key))
                .body("items[0].details.candidate.id", equalTo(ship))
                .body("items[0].details.candidate.source", equalTo(key));
        accept(key, ship, Map.of("statement", "Again."))
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/candidate-not-pending"))
                .body(
                        "detail",
                        equalTo("candidate " + ship + " is ACCEPTED already, as prediction '" + prediction + "'"));
        dismiss(key, ship, "DUPLICATE").then().statusCode(409).body("type", equalTo("/problems/candidate-accepted"));
        JsonPath afterAccept = coverage(key);
        assertEquals(1, afterAccept.getInt("accepted"));
        assertEquals(2, afterAccept.getInt("pending"));

        int costs = candidate(key, "Costs should fall");
        dismiss(key, costs, "TOO_VAGUE")
                .then()
                .statusCode(200)
                .body("state", equalTo("DISMISSED"))
                .body("dismissal.reason", equalTo("TOO_VAGUE"))
                .body("dismissal.note", equalTo("checked by a test"))
                .body("dismissal.by", notNullValue());
        assertEquals(1, coverage(key).getInt("dismissed.byReason.TOO_VAGUE"));
        accept(key, costs, Map.of("statement", "Costs fall.")).then().statusCode(409);
        given().delete(path(key) + "/candidates/" + costs + "/dismissal")
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("dismissal", nullValue());
        given().delete(path(key) + "/candidates/" + costs + "/dismissal").then().statusCode(409);
        assertEquals(0, coverage(key).getInt("dismissed.total"));

        given().contentType("application/json")
                .body(Map.of("quote", Map.of("text", "We have eleven million users.")))
                .post(path(key) + "/candidates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("quote.text"))
                .body("errors[0].message", equalTo("does not occur verbatim in the transcript"));
        int manual = given().contentType("application/json")
                .body(Map.of("quote", Map.of("text", "Today we have ten million users.")))
                .post(path(key) + "/candidates")
                .then()
                .statusCode(201)
                .body("manual", equalTo(true))
                .body("state", equalTo("PENDING"))
                .body("quote.locator", equalTo("§Outlook › ¶4"))
                .body("proposedKind", equalTo("CLAIM"))
                .extract()
                .path("id");
        JsonPath withManual = coverage(key);
        assertEquals(4, withManual.getInt("candidates"));
        assertEquals(1, withManual.getInt("manual"));
        assertEquals(3, withManual.getInt("pending"));

        dismiss(key, manual, "OUT_OF_SCOPE").then().statusCode(200);
        dismiss(key, costs, "TOO_VAGUE").then().statusCode(200);
        assertEquals(false, coverage(key).getBoolean("fullyTriaged"));
        dismiss(key, candidate(key, "I think robots"), "NOT_A_PREDICTION")
                .then()
                .statusCode(200);
        given().get(path(key) + "/coverage")
                .then()
                .body("fullyTriaged", equalTo(true))
                .body("triagedAt", notNullValue())
                .body("triagedBy", notNullValue())
                .body("accepted", equalTo(1))
                .body("dismissed.total", equalTo(3))
                .body("dismissed.byReason.OUT_OF_SCOPE", equalTo(1))
                .body("pending", equalTo(0));
        given().queryParam("state", "DISMISSED")
                .queryParam("limit", 2)
                .get(path(key) + "/candidates")
                .then()
                .statusCode(200)
                .header("Link", startsWith("<"))
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue());
        given().queryParam("state", "DONE")
                .get(path(key) + "/candidates")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void acceptingNeedsAStatementAndLeavesTheCandidatePendingWhenRefused() {
        String key = Intake.source("refused");
        putText(key, Intake.TALK).then().statusCode(201);
        int id = candidate(key, "We will ship");
        accept(key, id, Map.of()).then().statusCode(400).body("errors[0].field", equalTo("statement"));
        accept(key, id, Map.of("statement", "Ships.", "source", "another-source"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
        given().get(path(key) + "/candidates/" + id).then().body("state", equalTo("PENDING"));
        given().get(path(key) + "/candidates/999999999").then().statusCode(404);
    }

    @Test
    void replacingNeedsIfMatchKeepsDecisionsAndReportsOrphans() {
        String key = Intake.source("replace");
        String etag = putText(key, Intake.TALK).then().statusCode(201).extract().header("ETag");
        int ship = candidate(key, "We will ship");
        String prediction = accept(key, ship, Map.of("statement", "The model ships by 2027 (" + key + ")."))
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        int robots = candidate(key, "I think robots");
        dismiss(key, robots, "TOO_VAGUE").then().statusCode(200);

        String corrected = "## Preface\n\nHello.\n\n"
                + Intake.TALK.replace("I think robots will probably do most chores by 2030.", "");
        putText(key, corrected).then().statusCode(428).body("type", equalTo("/problems/precondition-required"));
        given().contentType("text/plain; charset=UTF-8")
                .header("If-Match", "\"999\"")
                .body(corrected)
                .put(path(key) + "/transcript")
                .then()
                .statusCode(412)
                .body("detail", startsWith("the transcript was changed since your copy"));
        Response replaced = given().contentType("text/plain; charset=UTF-8")
                .header("If-Match", etag)
                .body(corrected)
                .put(path(key) + "/transcript");
        replaced.then()
                .statusCode(200)
                .body("created", equalTo(false))
                .body("kept", equalTo(1))
                .body("found", equalTo(1))
                .body("orphaned.size()", equalTo(1))
                .body("orphaned[0].id", equalTo(robots))
                .body("orphaned[0].state", equalTo("DISMISSED"))
                .body("orphaned[0].orphaned", equalTo(true));

        String text = given().get(path(key) + "/transcript").then().extract().path("text");
        given().get(path(key) + "/candidates/" + ship)
                .then()
                .body("state", equalTo("ACCEPTED"))
                .body("prediction", equalTo(prediction))
                .body("quote.locator", equalTo("§Outlook › ¶1"))
                .body("orphaned", equalTo(false));
        assertEquals(corrected, text);
        JsonPath after = coverage(key);
        assertEquals(3, after.getInt("candidates"));
        assertEquals(1, after.getInt("orphaned"));
        assertEquals(1, after.getInt("pending"));
        given().delete(path(key) + "/candidates/" + robots + "/dismissal")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/candidate-orphaned"));
        Map<String, Object> costs = Intake.candidates(key, "PENDING").get(0);
        assertEquals(
                "Costs should fall a hundredfold in another couple of years.",
                ((Map<?, ?>) costs.get("quote")).get("text"));
        assertNull(costs.get("prediction"));
        assertNotNull(costs.get("proposedTarget"));
    }
}
