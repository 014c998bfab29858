package app.hindsight.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.hindsight.AdminTokenByDefault;
import app.hindsight.shared.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a newcomer sees in Swagger UI is true: the list is the list, reads carry no lock, generated examples
 * are valid values, and the prefilled request examples succeed against the seeded database.
 */
@QuarkusTest
class SwaggerUiTest {

    private static final String ADMIN = "Bearer " + AdminTokenByDefault.ADMIN_TOKEN;

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
    void listOfPredictionsIsDescribedAsTheListInThreeMediaTypes() {
        Map<String, Object> list = map(operations("/api/v1/predictions"), "get");
        assertEquals("List predictions", list.get("summary"));
        Map<String, Object> ok = map(map(list, "responses"), "200");
        Set<String> mediaTypes = map(ok, "content").keySet();
        assertEquals(Set.of("application/json", "text/csv", "application/x-ndjson"), mediaTypes);
        String description = (String) ok.get("description");
        assertTrue(
                mediaTypes.stream().allMatch(description::contains), "the 200 names every media type: " + description);
    }

    @Test
    void readsOpenToAnonymousCallersHaveNoLockAndTheRestKeepIt() {
        Map<String, Set<String>> roles = rolesOfResourceMethods();
        List<String> wrong = new ArrayList<>();
        Map<String, Object> paths = map(doc, "paths");
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (String method : map(paths, path).keySet()) {
                String name = method.toUpperCase() + " " + path;
                Map<String, Object> op = map(paths, path, method);
                Map<String, Object> responses = map(op, "responses");
                Set<String> required = roles.get(name);
                if (required == null) {
                    wrong.add(name + ": no resource method");
                } else if (required.equals(Set.of(Roles.READER))) {
                    if (op.containsKey("security")) {
                        wrong.add(name + ": anonymous-readable but has security " + op.get("security"));
                    }
                    if (responses.containsKey("403")) {
                        wrong.add(name + ": every token reads, yet a 403 is documented");
                    }
                } else if (!required.equals(bearerRoles(op))) {
                    wrong.add(name + ": needs " + required + " but has security " + op.get("security"));
                }
                if (!method.equals("get") && !op.containsKey("security")) {
                    wrong.add(name + ": a write without a lock");
                }
                for (String status : List.of("401", "403")) {
                    if (responses.get(status) instanceof Map<?, ?> response
                            && !(response.get("content") instanceof Map<?, ?> content
                                    && content.containsKey(Problem.MEDIA_TYPE))) {
                        wrong.add(name + ": " + status + " is not a problem document");
                    }
                }
            }
        }
        assertFalse(roles.isEmpty());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyPatternPropertyHasAnExampleMatchingIt() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        Map<String, Object> schemas = map(doc, "components", "schemas");
        for (String schema : schemas.keySet()) {
            if (!map(schemas, schema).containsKey("properties")) {
                continue;
            }
            Map<String, Object> properties = map(schemas, schema, "properties");
            for (String property : properties.keySet()) {
                Map<String, Object> p = map(properties, property);
                String name = schema + "." + property;
                Object example = example(p);
                if (p.containsKey("pattern")) {
                    checked++;
                    if (!matches((String) p.get("pattern"), example)) {
                        wrong.add(name + ": example " + example + " does not match " + p.get("pattern"));
                    }
                } else if (p.get("items") instanceof Map<?, ?>
                        && map(p, "items").containsKey("pattern")) {
                    checked++;
                    String pattern = (String) map(p, "items").get("pattern");
                    Object itemExample = example(map(p, "items"));
                    boolean ok = itemExample != null
                            ? matches(pattern, itemExample)
                            : example instanceof List<?> items
                                    && !items.isEmpty()
                                    && items.stream().allMatch(item -> matches(pattern, item));
                    if (!ok) {
                        wrong.add(name + ": example " + example + " has items not matching " + pattern);
                    }
                }
            }
        }
        assertTrue(checked > 10, "pattern properties found: " + checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void documentedCreateExampleIsCreatedEachTimeItIsSent() {
        Object example = requestExample(operations("/api/v1/predictions"), "post");
        String first = given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(example)
                .post("/api/v1/predictions")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String second = given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(example)
                .post("/api/v1/predictions")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        assertNotEquals(first, second);
    }

    @Test
    void documentedSourceAndImportExamplesLeaveSeedsAlone() {
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(requestExample(operations("/api/v1/sources"), "post"))
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        // A dry run counts what the import would do: creating, or leaving alone the source just made.
        int updated = given().header("Authorization", ADMIN)
                .contentType("application/json")
                .queryParam("dryRun", "true")
                .body(requestExample(operations("/api/v1/imports"), "post"))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .extract()
                .path("updated");
        assertEquals(0, updated);
    }

    /** The roles of each resource method, as "GET /api/v1/predictions/{key}", from its @RolesAllowed (none: @Authenticated). */
    private static Map<String, Set<String>> rolesOfResourceMethods() {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue; // not an endpoint
                }
                Path sub = m.getAnnotation(Path.class);
                String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                if (!path.startsWith("/api/")) {
                    continue; // a page for people (the desk, the digest's links), which the API description leaves out
                }
                if (m.isAnnotationPresent(io.quarkus.security.Authenticated.class)
                        || (!m.isAnnotationPresent(RolesAllowed.class)
                                && type.isAnnotationPresent(io.quarkus.security.Authenticated.class))) {
                    // Any token, whatever its roles (subscribing to the digest, GET /tokens/current): a lock with no
                    // role.
                    roles.put(verb + " " + path, new TreeSet<>());
                    continue;
                }
                RolesAllowed allowed = m.isAnnotationPresent(RolesAllowed.class)
                        ? m.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                assertNotNull(allowed, verb + " " + path + " has no @RolesAllowed or @Authenticated");
                roles.put(verb + " " + path, new TreeSet<>(List.of(allowed.value())));
            }
        }
        return roles;
    }

    /** The roles of the operation's one bearer requirement; null without one. */
    private static Set<String> bearerRoles(Map<String, Object> op) {
        if (op.get("security") instanceof List<?> security
                && security.size() == 1
                && security.get(0) instanceof Map<?, ?> requirement
                && requirement.size() == 1
                && requirement.get("bearer") instanceof List<?> roles) {
            Set<String> names = new TreeSet<>();
            roles.forEach(role -> names.add((String) role));
            return names;
        }
        return null;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Bean Validation matches the whole value; the "\S" SmallRye writes for @NotBlank asks for a non-blank one. */
    private static boolean matches(String pattern, Object example) {
        if (!(example instanceof String value)) {
            return false;
        }
        return pattern.equals("\\S") ? !value.isBlank() : value.matches(pattern);
    }

    private static Object example(Map<String, Object> schema) {
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        return schema.get("example");
    }

    private static Object requestExample(Map<String, Object> operations, String method) {
        Map<String, Object> examples =
                map(operations, method, "requestBody", "content", "application/json", "examples");
        assertFalse(examples.isEmpty(), method + " has no request example");
        return map(examples, examples.keySet().iterator().next()).get("value");
    }

    private Map<String, Object> operations(String path) {
        return map(doc, "paths", path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> at = from;
        for (String key : keys) {
            Object next = at.get(key);
            assertTrue(next instanceof Map, "no object at " + key);
            at = (Map<String, Object>) next;
        }
        return at;
    }
}
