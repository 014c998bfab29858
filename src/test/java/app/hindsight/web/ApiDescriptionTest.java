package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.prediction.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served API description is true to what the service does: what it sends fits the schemas (nulls included),
 * every input is bounded, and the responses every operation can give (429, 500) are there. Spectral and a Prism
 * proxy check the same and more in CI (openapi/check.sh); these are the parts a plain test can hold.
 */
@QuarkusTest
class ApiDescriptionTest {

    private Map<String, Object> doc;

    @BeforeEach
    void readDocument() {
        doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void predictionWithoutDateQuoteOrMetricFitsItsSchema() {
        Map<String, Object> body = TestData.prediction(null);
        body.put("target", Map.of("basis", "NONE"));
        body.put("reviewEvery", "P6M");
        String key = TestData.create(body);
        Map<String, Object> served = TestData.predictions()
                .get("{key}", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(null, ((Map<?, ?>) served.get("target")).get("date"), "the case Prism flagged: target.date null");
        assertFits("Prediction", served);
        TestData.resolve(key);
        assertFits(
                "Prediction",
                TestData.predictions()
                        .get("{key}", key)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap(""));
        for (Object event : TestData.predictions()
                .get("{key}/history", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")) {
            assertFits("Event", event);
        }
    }

    @Test
    void sourceWithoutUrlFitsItsSchema() {
        Map<String, Object> body = TestData.source(TestData.key("apitruth"));
        body.remove("url");
        body.remove("description");
        String key = TestData.createSource(body);
        Map<String, Object> served = given().get(TestData.SOURCES + "/{key}", key)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertTrue(served.containsKey("url") && served.get("url") == null, "the case Prism flagged: url null");
        assertFits("Source", served);
        Map<String, Object> page = given().queryParam("limit", 2)
                .get(TestData.SOURCES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        for (Object source : (List<?>) page.get("items")) {
            assertFits("Source", source);
        }
    }

    @Test
    void problemDocumentsFitTheirSchemaWhoseTypeIsAUriReference() {
        Map<String, Object> problem = map(doc, "components", "schemas", "Problem", "properties");
        assertEquals("uri-reference", map(problem, "type").get("format"));
        assertEquals("uri-reference", map(problem, "instance").get("format"));
        assertFits(
                "Problem",
                TestData.predictions()
                        .get("{key}", "no-such-" + TestData.uid())
                        .then()
                        .statusCode(404)
                        .extract()
                        .jsonPath()
                        .getMap(""));
        assertFits(
                "Problem",
                TestData.predictions()
                        .contentType("application/json")
                        .body(Map.of("kind", "GUESS"))
                        .post()
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getMap(""));
    }

    @Test
    void everyParameterHasABoundedSchema() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((name, op) -> {
            for (Object p : (List<?>) op.getOrDefault("parameters", List.of())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parameter = (Map<String, Object>) p;
                String where = name + " " + parameter.get("name");
                Map<String, Object> schema = resolve(map(parameter, "schema"));
                if (schema.isEmpty()) {
                    wrong.add(where + ": no schema");
                } else {
                    unbounded(schema).ifPresent(what -> wrong.add(where + ": " + what));
                }
            }
        });
        assertTrue(wrong.isEmpty(), "parameters without a bounded schema: " + wrong);
    }

    @Test
    void everyOperationSaysItMayBeRateLimitedOrFail() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation((name, op) -> {
            Map<String, Object> responses = map(op, "responses");
            if (!map(responses, "429", "headers").containsKey("Retry-After")) {
                wrong.add(name + ": no 429 with Retry-After");
            }
            if (!map(responses, "500", "content").containsKey(Problem.MEDIA_TYPE)) {
                wrong.add(name + ": no 500 problem document");
            }
            responses.forEach((status, response) -> {
                if ((status.startsWith("2") || status.startsWith("4"))
                        && !map(responses, status, "headers").containsKey("RateLimit-Limit")) {
                    wrong.add(name + " " + status + ": no RateLimit-Limit header");
                }
            });
            if (!(op.get("operationId") instanceof String id) || !ids.add(id)) {
                wrong.add(name + ": no operationId, or one another operation has");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * What the conventions cannot see: an endpoint that returns a bare Response must declare its success's schema
     * (SmallRye would write an empty one under "OK"), and openapi/texts.yaml must name operations that exist (a
     * renamed operationId would silently lose its texts).
     */
    @Test
    void everySuccessSaysWhatItIsAndEveryTextHasItsOperation() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation((name, op) -> {
            ids.add((String) op.get("operationId"));
            if (op.get("description") == null) {
                wrong.add(name + ": no description (openapi/texts.yaml)");
            }
            map(op, "responses").forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                if (status.equals("201")
                        && !map(op, "responses", status, "headers").containsKey("Location")) {
                    wrong.add(name + " 201: no Location header");
                }
                Object description = map(op, "responses", status).get("description");
                if (OpenApiSuccesses.GENERATED.contains(description)) {
                    wrong.add(name + " " + status + ": described only as " + description);
                }
                map(op, "responses", status, "content").forEach((type, media) -> {
                    if (map(op, "responses", status, "content", type, "schema").isEmpty()) {
                        wrong.add(name + " " + status + " " + type + ": no schema");
                    }
                });
            });
        });
        OpenApiTexts.operations().keySet().stream()
                .filter(id -> !ids.contains(id))
                .forEach(id -> wrong.add("openapi/texts.yaml: no operation " + id));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    // --- A small check of a JSON value against the document's schemas: types, nulls, required properties -----------

    private void assertFits(String schemaName, Object value) {
        List<String> wrong = new ArrayList<>();
        fits(Map.of("$ref", "#/components/schemas/" + schemaName), value, schemaName, wrong);
        assertTrue(wrong.isEmpty(), "off the spec: " + wrong + " in " + value);
    }

    private void fits(Map<String, Object> schema, Object value, String path, List<String> wrong) {
        schema = resolve(schema);
        if (schema.get("anyOf") instanceof List<?> anyOf) {
            if (value == null) {
                if (anyOf.stream().noneMatch(s -> "null".equals(((Map<?, ?>) s).get("type")))) {
                    wrong.add(path + ": null, not allowed");
                }
                return;
            }
            List<String> best = null;
            for (Object alternative : anyOf) {
                @SuppressWarnings("unchecked")
                Map<String, Object> alt = (Map<String, Object>) alternative;
                if ("null".equals(alt.get("type"))) {
                    continue;
                }
                List<String> mismatches = new ArrayList<>();
                fits(alt, value, path, mismatches);
                if (best == null || mismatches.size() < best.size()) {
                    best = mismatches;
                }
            }
            if (best != null) {
                wrong.addAll(best);
            }
            return;
        }
        List<?> types = schema.get("type") instanceof List<?> list
                ? list
                : schema.get("type") == null ? List.of() : List.of(schema.get("type"));
        if (value == null) {
            if (!types.contains("null")) {
                wrong.add(path + ": null, not allowed");
            }
            return;
        }
        String actual = value instanceof Map
                ? "object"
                : value instanceof List
                        ? "array"
                        : value instanceof String
                                ? "string"
                                : value instanceof Boolean
                                        ? "boolean"
                                        : value instanceof Integer || value instanceof Long ? "integer" : "number";
        if (!types.isEmpty() && !types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
            wrong.add(path + ": " + actual + ", not " + types);
            return;
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            wrong.add(path + ": " + value + " not in " + values);
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = map(schema, "properties");
            for (Object required : (List<?>) schema.getOrDefault("required", List.of())) {
                if (object.get(required) == null) {
                    wrong.add(path + "." + required + ": required, missing or null");
                }
            }
            object.forEach((name, v) -> {
                if (properties.containsKey(name)) {
                    fits(map(properties, (String) name), v, path + "." + name, wrong);
                } else if (!properties.isEmpty()) {
                    wrong.add(path + "." + name + ": not in the schema");
                }
            });
        } else if (value instanceof List<?> items && schema.get("items") != null) {
            for (int i = 0; i < items.size(); i++) {
                fits(map(schema, "items"), items.get(i), path + "[" + i + "]", wrong);
            }
        }
    }

    /** What an input schema lacks to be bounded, if anything. */
    private static java.util.Optional<String> unbounded(Map<String, Object> schema) {
        List<?> types = schema.get("type") instanceof List<?> list ? list : List.of(String.valueOf(schema.get("type")));
        if (types.contains("string") && !schema.containsKey("maxLength") && !schema.containsKey("enum")) {
            return java.util.Optional.of("a string without maxLength or enum");
        }
        if (types.contains("integer") && !(schema.containsKey("minimum") && schema.containsKey("maximum"))) {
            return java.util.Optional.of("an integer without minimum and maximum");
        }
        if (types.contains("array") && !schema.containsKey("maxItems")) {
            return java.util.Optional.of("an array without maxItems");
        }
        return java.util.Optional.empty();
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema.get("$ref") instanceof String ref) {
            return resolve(map(doc, "components", "schemas", ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return schema;
    }

    private void forEachOperation(java.util.function.BiConsumer<String, Map<String, Object>> check) {
        Map<String, Object> paths = map(doc, "paths");
        paths.keySet().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> map(paths, path)
                        .keySet()
                        .forEach(method -> check.accept(method.toUpperCase() + " " + path, map(paths, path, method))));
        assertFalse(paths.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> current = from;
        for (String key : keys) {
            Object next = current.get(key);
            current = next instanceof Map ? (Map<String, Object>) next : new LinkedHashMap<>();
        }
        return current;
    }
}
