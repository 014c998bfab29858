package app.hindsight.hostile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The hostile round, from outside the code: every operation of the served API description, each of its path and
 * query parameters and each field of its example body given hostile values, then every page that shows what was
 * stored. What it reports as a finding: an answer of 5xx, an error whose body is not a problem document, an
 * invalid encoding or a NUL that was accepted, and JSON that carries NaN or Infinity. Run on H2 by
 * {@link HostileRoundTest} and on PostgreSQL by the PostgreSQL suite.
 */
public final class HostileRound {

    /** Strings put into bodies (escaped as JSON, so lone surrogates and NUL travel as \\u escapes). */
    static final List<String> STRINGS = List.of(
            "\u0000",
            "a\u0000b",
            "\ud800",
            "x\udc00y",
            "x\r\n\r\nPHISH http://evil/login",
            "\u202eevil",
            "é漢字😀",
            "<script>alert(1)</script>",
            "' or '1'='1",
            "../../etc/passwd",
            "a".repeat(5000),
            "",
            " ",
            "-1",
            "99999999999999999999",
            "1e309");

    /** Strings that must never be accepted: NUL or a lone surrogate. */
    static boolean forbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Values put into paths and queries as they are: the first five are not text at all and must be refused. */
    static final List<String> ENCODED = List.of(
            "%00",
            "a%00b",
            "%FF",
            "%C3%28",
            "%ED%A0%80",
            "%C3%A9%E6%BC%A2",
            "%F0%9F%98%80",
            "%0D%0AX-Injected:%201",
            "%3Cscript%3E",
            "..",
            "%2E%2E%2F",
            "%25",
            "-1",
            "0",
            "99999999999999999999",
            "1e309",
            "x".repeat(3000));

    static final int REFUSED_ENCODINGS = 5;

    static final List<Object> NUMBERS =
            List.of(1.7976931348623157e308, -1.7976931348623157e308, 4.9e-324, -1, 0, Long.MAX_VALUE, "x");

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public record Finding(String request, int status, String contentType, String body) {
        @Override
        public String toString() {
            String flat = body == null ? "" : body.replaceAll("\\s+", " ");
            String shown = flat.substring(0, Math.min(flat.length(), 160));
            return request + " -> " + status + " " + contentType + " " + shown;
        }
    }

    private final String baseUrl;
    private final String adminToken;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private int sent;
    private int serial;

    /** {@code baseUrl} without a trailing slash and without /api/v1. */
    public HostileRound(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    String baseUrl() {
        return baseUrl;
    }

    String adminToken() {
        return adminToken;
    }

    /** An answer read off a raw socket: a finding unless it is a 4xx problem document. */
    void rawAnswer(String what, String answer) {
        sent++;
        int headEnd = answer.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
        String body = headEnd < 0 ? "" : answer.substring(headEnd + 4);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : 0;
        String type = head.lines()
                .filter(line -> line.toLowerCase().startsWith("content-type:"))
                .map(line -> line.substring("content-type:".length()).strip())
                .findFirst()
                .orElse("");
        if (status < 400 || status >= 500 || !type.startsWith("application/problem+json") || body.isBlank()) {
            findings.add(new Finding(what + " (raw)", status, type, head + "\n" + body));
        }
    }

    /** Every finding, one a line, for a person to read after a failed run. */
    public void write(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add(sent + " requests, " + findings.size() + " findings");
            findings.forEach(finding -> lines.add(finding.toString()));
            java.nio.file.Files.write(file, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<Finding> findings() {
        return findings;
    }

    public int sent() {
        return sent;
    }

    /** The whole round: the API description's operations, the cases found by hand, then every read again. */
    public HostileRound run(String knownKey) {
        keys.add(knownKey);
        JsonNode doc = JSON.valueToTree(RestAssured.given()
                .baseUri(baseUrl)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class));
        // Deletions last, so that the known prediction is there for every other operation.
        for (boolean deletions : List.of(false, true)) {
            doc.get("paths")
                    .fields()
                    .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                        if (op.getKey().equals("delete") == deletions) {
                            operation(path.getKey(), op.getKey(), op.getValue(), knownKey);
                        }
                    }));
        }
        HostileCases.run(this, knownKey);
        for (String key : List.copyOf(keys)) {
            rereads(key);
        }
        for (String page : List.of(
                "/api/v1/predictions?limit=500",
                "/api/v1/speakers",
                "/api/v1/stats",
                "/api/v1/sources",
                "/api/v1/calendar.ics",
                "/api/v1/reviews",
                "/",
                "/desk/reviews",
                "/desk/speakers",
                "/desk/forecasters",
                "/desk/sources",
                "/desk/sources/altman-town-hall-2026-01-27",
                "/desk/sources/altman-town-hall-2026-01-27?part=-1&state=x")) {
            send("GET", page, null, null, null, null);
        }
        return this;
    }

    private void operation(String path, String method, JsonNode op, String knownKey) {
        String upper = method.toUpperCase();
        String filled = fill(path, knownKey);
        Example example = example(op);
        for (JsonNode param : op.path("parameters")) {
            String in = param.path("in").asText();
            String name = param.path("name").asText();
            for (int i = 0; i < ENCODED.size() && !in.equals("header"); i++) {
                String value = ENCODED.get(i);
                String mustRefuse = i < REFUSED_ENCODINGS ? in + " " + name + "=" + value : null;
                String target = in.equals("path")
                        ? fill(path.replace("{" + name + "}", value), knownKey)
                        : filled + "?" + name + "=" + value;
                send(upper, target, null, null, null, mustRefuse);
            }
            if (in.equals("header")) {
                for (String value : List.of("*", "0", "\"", "W/\"x\"", "wait=-1", "x".repeat(2000))) {
                    send(
                            upper,
                            filled,
                            Map.of(name, value),
                            example == null ? null : example.type(),
                            example == null ? null : json(example.body()),
                            null);
                }
            }
        }
        if (example == null) {
            if (!upper.equals("GET")) {
                send(upper, filled, null, null, null, null);
            }
            return;
        }
        mutations(example.body(), (body, mustRefuse) -> send(upper, filled, null, example.type(), body, mustRefuse));
        for (String broken : List.of("{", "[]", "", "{\"a\":1}", "null")) {
            send(upper, filled, null, example.type(), broken, null);
        }
    }

    private static String fill(String path, String knownKey) {
        return path.replace("{key}", knownKey).replace("{name}", "Sam%20Altman").replace("{id}", "1");
    }

    record Example(String type, JsonNode body) {}

    /** The operation's first request example with its media type (of NDJSON, the first line), or null. */
    private static Example example(JsonNode op) {
        Iterator<Map.Entry<String, JsonNode>> contents =
                op.path("requestBody").path("content").fields();
        if (!contents.hasNext()) {
            return null;
        }
        Map.Entry<String, JsonNode> content = contents.next();
        JsonNode value = content.getValue().has("example")
                ? content.getValue().get("example")
                : content.getValue().path("examples").elements().hasNext()
                        ? content.getValue().path("examples").elements().next().path("value")
                        : null;
        if (value != null && value.isTextual()) {
            try {
                value = JSON.readTree(value.asText().lines().findFirst().orElse(""));
            } catch (Exception e) {
                value = null;
            }
        }
        return value == null || !value.isContainerNode() ? null : new Example(content.getKey(), value);
    }

    interface Mutation {
        void send(String body, String mustRefuse);
    }

    /** Every copy of the body with one leaf replaced by a hostile value. */
    void mutations(JsonNode body, Mutation each) {
        List<List<Object>> leaves = new ArrayList<>();
        leaves(body, new ArrayList<>(), leaves);
        for (List<Object> leaf : leaves) {
            JsonNode value = at(body, leaf);
            List<Object> replacements = new ArrayList<>(value.isNumber() ? NUMBERS : STRINGS);
            if (!value.isNumber()) {
                replacements.add(1.7976931348623157e308);
            }
            for (Object replacement : replacements) {
                JsonNode copy = body.deepCopy();
                set(copy, leaf, JSON.valueToTree(replacement));
                fresh(copy, leaf);
                each.send(json(copy), replacement instanceof String s && forbidden(s) ? "field " + leaf : null);
            }
        }
    }

    /** A body that creates something gets a key of its own, unless its key is what is being tried. */
    private void fresh(JsonNode copy, List<Object> leaf) {
        if (copy instanceof ObjectNode object && object.has("key") && !leaf.equals(List.of("key"))) {
            object.put("key", "hostile-" + (++serial));
        }
    }

    private static void leaves(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                List<Object> next = new ArrayList<>(at);
                next.add(f.getKey());
                leaves(f.getValue(), next, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                leaves(node.get(i), next, out);
            }
        } else if (node.isTextual() || node.isNumber()) {
            out.add(at);
        }
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    /** JSON with every non-ASCII character escaped: a lone surrogate or a NUL travels as a \\u escape. */
    static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every read of a prediction that a write of the round may have broken. */
    void rereads(String key) {
        for (String tail : List.of("", "/trajectory", "/trajectory.svg", "/history", "/forecasts", "/observations")) {
            send("GET", "/api/v1/predictions/" + key + tail, null, null, null, null);
        }
        send("GET", "/desk/predictions/" + key, null, null, null, null);
    }

    /**
     * Sends one request as the admin and records a finding when the answer is a 5xx, an error without a problem
     * document, NaN or Infinity in JSON, or a success where {@code mustRefuse} says why it had to be refused.
     */
    Response send(
            String method, String path, Map<String, String> headers, String type, String body, String mustRefuse) {
        // A redirect (a part of a speaker's name, 308) is an answer to judge; its Location is on the public address,
        // which is not where the round runs.
        RequestSpecification request = RestAssured.given()
                .baseUri(baseUrl)
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .header("Authorization", "Bearer " + adminToken);
        if (headers != null) {
            headers.forEach(request::header);
        }
        if (body != null) {
            request.contentType(type == null ? "application/json" : type);
            request.body(body);
        }
        Response response = request.request(method, path);
        sent++;
        int status = response.statusCode();
        String answered = String.valueOf(response.contentType());
        String text = response.asString();
        String shown = method + " " + path + (body == null ? "" : " " + abbreviate(body));
        boolean api = path.startsWith("/api/");
        if (status >= 500
                || (status >= 400 && api && !answered.startsWith("application/problem+json"))
                || (status < 400 && mustRefuse != null)
                || (answered.startsWith("application/json")
                        && (text.contains("\"NaN\"") || text.contains("Infinity")))) {
            findings.add(new Finding(
                    shown + (mustRefuse == null ? "" : " [must refuse: " + mustRefuse + "]"), status, answered, text));
        }
        if (status == 201 && answered.startsWith("application/json") && path.equals("/api/v1/predictions")) {
            keys.add(response.jsonPath().getString("key"));
        }
        return response;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
