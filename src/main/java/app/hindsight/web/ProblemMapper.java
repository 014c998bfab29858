package app.hindsight.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import app.hindsight.time.Dates;
import app.hindsight.prediction.ScanBudgetExceeded;
import app.hindsight.prediction.ScanTimedOut;
import app.hindsight.web.Problem.FieldError;
import io.quarkus.logging.Log;

/**
 * The one place where exceptions become RFC 9457 problem documents. Messages are written here for
 * people: no exception class names, no stack traces.
 */
public class ProblemMapper {

    /** Seconds a client should wait before asking again for a page that ran out of time. */
    static final int SCAN_RETRY_AFTER = 5;
    private static final String QUERY_TIMED_OUT = "the database took too long to answer; retry shortly, or narrow the "
            + "filters";

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors(), e.currentStatus());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        ApiException invalid = ApiException.invalid(errors);
        return apiException(invalid, uri);
    }

    @ServerExceptionMapper
    public Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        return apiException(Json.describe(e), uri);
    }

    /** More specific than Quarkus's built-in mapper for this type, which answers in its own format. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return apiException(Json.describe(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "send an API token: Authorization: Bearer <token>");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "the bearer token is unknown or revoked");
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        return problem(403, "forbidden", "Forbidden", "this operation needs a token with the role "
                + neededRoles(resource) + "; this token does not have it", uri, List.of(), null);
    }

    /** The roles of the endpoint's {@code @RolesAllowed}, e.g. "editor" or "editor or reviewer". */
    private static String neededRoles(SimpleResourceInfo resource) {
        RolesAllowed allowed = null;
        if (resource != null && resource.getResourceClass() != null) {
            try {
                allowed = resource.getResourceClass()
                        .getMethod(resource.getMethodName(), resource.parameterTypes())
                        .getAnnotation(RolesAllowed.class);
            } catch (NoSuchMethodException e) {
                // fall back to the class's annotation
            }
            if (allowed == null) {
                allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
        }
        return allowed == null ? "needed" : String.join(" or ", allowed.value());
    }

    private static Response unauthenticated(UriInfo uri, String detail) {
        Response problem = problem(401, "unauthorized", "Unauthorized", detail, uri, List.of(), null);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer realm=\"hindsight\"").build();
    }

    @ServerExceptionMapper
    public Response staleState(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response uniqueKey(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // The database's unique keys are the last line of defence against concurrent creates.
        return problem(409, "duplicate", "Conflict",
                "a concurrent request created the same record; retry to see it", uri, List.of(), null);
    }

    /** Not the client's mistake, but nothing a retry changes either: it says how to ask for less. */
    @ServerExceptionMapper
    public Response scanBudget(ScanBudgetExceeded e, UriInfo uri) {
        return problem(422, "too-costly", "Query too costly", e.getMessage(), uri, List.of(), null);
    }

    @ServerExceptionMapper
    public Response scanTimedOut(ScanTimedOut e, UriInfo uri) {
        return busy(uri, e.getMessage() + "; retry shortly, or narrow the filters", SCAN_RETRY_AFTER);
    }

    /** The database cancelled a statement that ran past its timeout (hindsight.list.timeout). */
    @ServerExceptionMapper
    public Response queryTimeout(jakarta.persistence.QueryTimeoutException e, UriInfo uri) {
        return busy(uri, QUERY_TIMED_OUT, SCAN_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response queryTimeout(org.hibernate.QueryTimeoutException e, UriInfo uri) {
        return busy(uri, QUERY_TIMED_OUT, SCAN_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "cannot produce the media type asked for in Accept";
            case 415 -> "unsupported Content-Type";
            case 413 -> "the request body is too large";
            default -> title;
        };
        return problem(status, slug(title), title, detail, uri, List.of(), null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // A commit can fail after the method returned, wrapped in transaction exceptions: look inside.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique) {
                return uniqueKey(unique, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange(uri);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                // Every database connection is busy: the client may retry, nothing is wrong with its request.
                Log.warnf("No database connection free for %s", uri.getPath());
                return busy(uri, "no database connection came free in time; retry shortly", 1);
            }
            if (cause instanceof ScanTimedOut timedOut) {
                return scanTimedOut(timedOut, uri);
            }
            if (cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.QueryTimeoutException) {
                return busy(uri, QUERY_TIMED_OUT, SCAN_RETRY_AFTER);
            }
        }
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return problem(500, "internal-error", "Internal error",
                "the server failed to handle this request; it has been logged", uri, List.of(), null);
    }

    /** 503: the client may retry after this many seconds; nothing is wrong with its request. */
    private static Response busy(UriInfo uri, String detail, int retryAfterSeconds) {
        return Response.fromResponse(problem(503, "overloaded", "Service busy", detail, uri, List.of(), null))
                .header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }

    private Response concurrentChange(UriInfo uri) {
        return apiException(ApiException.concurrentChange(), uri);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors, String currentStatus) {
        URI instance = uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
        Problem body = new Problem(URI.create("/problems/" + type), title, status, detail, instance, errors,
                currentStatus);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(Path path) {
        String field = Validation.field(path);
        return field.isEmpty() ? "body" : field;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Turns Jackson's failures into field errors a person can act on. */
    public static final class Json {

        private Json() {
        }

        public static ApiException describe(JsonProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                // A limit is about the whole document, though databind may report it with the field it was in.
                if (cause instanceof StreamConstraintsException limit) {
                    return ApiException.badRequest("body", "refused by the parser's limits" + why(limit));
                }
            }
            if (e instanceof JsonParseException parse) {
                var loc = parse.getLocation();
                String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                return ApiException.badRequest("body", "malformed JSON" + where + why(e));
            }
            if (!(e instanceof JsonMappingException mapping)) {
                return ApiException.badRequest("body", "malformed JSON");
            }
            String field = path(mapping.getPath());
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                return ApiException.badRequest("body", "malformed JSON" + why(e));
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                return ApiException.badRequest(field, "unknown field");
            }
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (target == null && mapping.getCause() instanceof DateTimeParseException) {
                return ApiException.badRequest(field, "not a valid date or time");
            }
            if (target == null && field.equals("body")) {
                return ApiException.badRequest("body", "malformed JSON");
            }
            String value = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                    ? "'" + invalid.getValue() + "' " : "";
            return ApiException.badRequest(field, value + expected(target));
        }

        /**
         * What is wrong, in a few words and brackets, when Jackson's message says more than "malformed": e.g.
         * " (not UTF-8)"; empty otherwise. Jackson's messages name its own classes and settings, so only their
         * gist is passed on.
         */
        public static String why(Exception e) {
            String m = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            if (m == null) {
                return "";
            }
            if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF-32")) {
                return " (not UTF-8)";
            }
            if (m.startsWith("Duplicate field ")) {
                return " (duplicate field " + m.substring("Duplicate field ".length()) + ")";
            }
            if (m.startsWith("Document nesting depth")) {
                return " (nested more than " + StrictJson.MAX_DEPTH + " levels deep)";
            }
            if (m.startsWith("Number value length")) {
                return " (a number longer than " + StrictJson.MAX_NUMBER_LENGTH + " characters)";
            }
            if (m.startsWith("Trailing token")) {
                return " (more than one JSON document)";
            }
            return "";
        }

        private static String expected(Class<?> type) {
            if (type == null) {
                return "has the wrong type";
            }
            if (type.isEnum()) {
                return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            if (type == LocalDate.class) {
                return Dates.DATE_RULE;
            }
            if (type == Instant.class) {
                return Dates.INSTANT_RULE;
            }
            if (type == Period.class) {
                return Dates.PERIOD_RULE;
            }
            if (type == Double.class || type == double.class) {
                return "must be a finite number";
            }
            if (type == String.class) {
                return "must be a string";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "must be a number";
            }
            if (type == Boolean.class) {
                return "must be true or false";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "must be an array";
            }
            if (Map.class.isAssignableFrom(type) || type.isRecord()) {
                return "must be an object";
            }
            return "has the wrong type";
        }

        private static String path(List<JsonMappingException.Reference> refs) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : refs) {
                if (ref.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? "body" : sb.toString();
        }
    }
}
