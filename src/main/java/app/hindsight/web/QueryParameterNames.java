package app.hindsight.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import app.hindsight.shared.FieldError;
import app.hindsight.text.EditDistance;

/**
 * The query parameters a resource method takes, read from the method itself, so that a parameter added to an
 * operation is accepted without a list to keep: its {@code @QueryParam} (or {@code @RestQuery}) parameters, the
 * {@code @QueryParam} fields of its {@code @BeanParam}s, and the query parameters it declares with OpenAPI's
 * {@code @Parameter(in = QUERY)} (a list that reads its filters from UriInfo declares them so). Methods that share
 * the path and verb (an export beside a list, chosen by Accept) take each other's parameters too: which of them
 * answers depends on content negotiation, not on the query.
 */
final class QueryParameterNames {

    /** Names this far apart or closer (edits) are suggested: catches a typo, not a different word. */
    private static final int NEAR = 2;

    private QueryParameterNames() {}

    static Set<String> of(Class<?> resource, Method method) {
        Set<String> names = new TreeSet<>();
        String verb = verb(method);
        String path = path(method);
        for (Method sibling : resource.getMethods()) {
            if (sibling.equals(method) || (verb != null && verb.equals(verb(sibling)) && path.equals(path(sibling)))) {
                collect(sibling, names);
            }
        }
        return names;
    }

    /** The 400 for these unknown names: each named, with the accepted ones and the closest of those when near. */
    static ApiException refusal(List<String> unknown, Set<String> accepted) {
        List<FieldError> errors = unknown.stream()
                .map(name -> new FieldError(name, "unknown query parameter" + hint(name, accepted, "; ")))
                .toList();
        String quoted =
                String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList());
        String takes = accepted.isEmpty()
                ? "This operation takes no query parameters."
                : "This operation accepts: " + String.join(", ", accepted) + ".";
        String detail = (unknown.size() == 1 ? "Unknown query parameter " : "Unknown query parameters ") + quoted + ". "
                + takes + (unknown.size() == 1 ? sentence(hint(unknown.get(0), accepted, " ")) : "");
        return new ApiException(400, "invalid-request", "The request is not valid", detail, errors, null);
    }

    /** The hint as a sentence of the detail: " Did you mean 'speaker'?". */
    private static String sentence(String hint) {
        return hint.length() < 2 ? hint : " " + Character.toUpperCase(hint.charAt(1)) + hint.substring(2);
    }

    /** "did you mean 'speaker'?" for a near name; how this API pages, for another API's paging words. */
    private static String hint(String name, Set<String> accepted, String separator) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (accepted.contains("cursor")
                && Set.of("offset", "page", "skip", "start").contains(lower)) {
            return separator + "lists are paged with cursor: follow nextCursor (or the Link header) from the last page";
        }
        String closest = null;
        int best = NEAR + 1;
        for (String candidate : accepted) {
            int d = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        return closest == null ? "" : separator + "did you mean '" + closest + "'?";
    }

    private static void collect(Method method, Set<String> names) {
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            RestQuery rest = p.getAnnotation(RestQuery.class);
            if (query != null) {
                names.add(query.value());
            } else if (rest != null) {
                names.add(rest.value().isEmpty() ? p.getName() : rest.value());
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                beanFields(p.getType(), names);
            }
        }
        for (Parameter declared : method.getAnnotationsByType(Parameter.class)) {
            if (declared.in() == ParameterIn.QUERY && !declared.name().isEmpty()) {
                names.add(declared.name());
            }
        }
    }

    private static void beanFields(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                RestQuery rest = field.getAnnotation(RestQuery.class);
                if (query != null) {
                    names.add(query.value());
                } else if (rest != null) {
                    names.add(rest.value().isEmpty() ? field.getName() : rest.value());
                } else if (field.isAnnotationPresent(BeanParam.class)) {
                    beanFields(field.getType(), names);
                }
            }
        }
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String path(Method method) {
        Path path = method.getAnnotation(Path.class);
        return path == null ? "" : Objects.requireNonNullElse(path.value(), "").replaceAll("^/|/$", "");
    }
}
