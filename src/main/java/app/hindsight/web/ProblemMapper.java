package app.hindsight.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import app.hindsight.json.JsonErrors;
import app.hindsight.shared.ConcurrentChange;
import app.hindsight.shared.DomainException;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Validation;
import io.quarkus.logging.Log;

/**
 * The one place where exceptions become RFC 9457 problem documents: the domain's own (app.hindsight.shared and
 * the features'), the web's {@link ApiException}, and those of JAX-RS, Jackson, security and the database.
 * Messages are written here for people: no exception class names, no stack traces.
 */
public class ProblemMapper {

    /** Seconds a client should wait before asking again for a page that ran out of time. */
    static final int SCAN_RETRY_AFTER = 5;

    private static final String QUERY_TIMED_OUT =
            "the database took too long to answer; retry shortly, or narrow the " + "filters";

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors(), e.currentStatus());
    }

    // --- the domain's exceptions ------------------------------------------------------------------

    /**
     * Every exception of the domain and the features, in one way: each carries its problem's status, type, title,
     * detail and extra members, so a feature that adds one needs nothing here. With a retry time, a Retry-After.
     */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response problem = problem(
                e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors(), e.currentStatus(), e.suggestions());
        if (e.retryAfterSeconds() <= 0) {
            return problem;
        }
        return Response.fromResponse(problem)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .build();
    }

    // --- everything else ---------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return domain(new InvalidInput(errors), uri);
    }

    @ServerExceptionMapper
    public Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        return domain(JsonErrors.describe(e), uri);
    }

    /** More specific than Quarkus's built-in mapper for this type, which answers in its own format. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return domain(JsonErrors.describe(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "send an API token: Authorization: Bearer <token>");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, BearerTokenMechanism.detail(e));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        return problem(
                403,
                "forbidden",
                "Forbidden",
                "this operation needs a token with the role " + neededRoles(resource) + "; this token does not have it",
                uri,
                List.of(),
                null);
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
        return Response.fromResponse(problem)
                .header("WWW-Authenticate", "Bearer realm=\"hindsight\"")
                .build();
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
        return problem(
                409,
                "duplicate",
                "Conflict",
                "a concurrent request created the same record; retry to see it",
                uri,
                List.of(),
                null);
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
    public Response webApplication(
            WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "cannot produce the media type asked for in Accept";
            case 415 ->
                RequireContentType.unsupported(request.getMethod(), headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
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
            if (cause instanceof java.sql.SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                // Every database connection is busy: the client may retry, nothing is wrong with its request.
                Log.warnf("No database connection free for %s", uri.getPath());
                return busy(uri, "no database connection came free in time; retry shortly", 1);
            }
            if (cause instanceof DomainException domain) {
                // A list page that ran out of time inside a transaction, say: the answer it carries still holds.
                return domain(domain, uri);
            }
            if (cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.QueryTimeoutException) {
                return busy(uri, QUERY_TIMED_OUT, SCAN_RETRY_AFTER);
            }
            if (transactionTimedOut(cause)) {
                Log.warnf("%s ran past the transaction timeout and was rolled back", uri.getPath());
                return busy(
                        uri,
                        "this request took longer than one may (the transaction timeout) and changed nothing; retry "
                                + "shortly",
                        SCAN_RETRY_AFTER);
            }
        }
        Log.errorf(e, "Unexpected error on %s", uri.getPath());
        return problem(
                500,
                "internal-error",
                "Internal error",
                "the server failed to handle this request; it has been logged",
                uri,
                List.of(),
                null);
    }

    /** 503: the client may retry after this many seconds; nothing is wrong with its request. */
    /**
     * Whether this is the commit of a transaction the transaction manager's reaper rolled back because it ran past its
     * timeout: Narayana then refuses the commit with ARJUNA016102 ("The transaction is not active!"). The request
     * changed nothing and may be retried: a 503, like a query that ran past its own timeout.
     */
    static boolean transactionTimedOut(Throwable cause) {
        return cause instanceof jakarta.transaction.RollbackException
                && cause.getMessage() != null
                && cause.getMessage().contains("ARJUNA016102");
    }

    private static Response busy(UriInfo uri, String detail, int retryAfterSeconds) {
        return Response.fromResponse(problem(503, "overloaded", "Service busy", detail, uri, List.of(), null))
                .header("Retry-After", String.valueOf(retryAfterSeconds))
                .build();
    }

    /** A client that sent no ETag cannot be told its ETag is stale: it hears of a conflict, and to retry. */
    private Response concurrentChange(UriInfo uri) {
        return domain(new ConcurrentChange(false), uri);
    }

    static Response problem(
            int status,
            String type,
            String title,
            String detail,
            UriInfo uri,
            List<FieldError> errors,
            String currentStatus) {
        return problem(status, type, title, detail, uri, errors, currentStatus, List.of());
    }

    static Response problem(
            int status,
            String type,
            String title,
            String detail,
            UriInfo uri,
            List<FieldError> errors,
            String currentStatus,
            List<String> suggestions) {
        URI instance = uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
        Problem body = new Problem(
                URI.create("/problems/" + type), title, status, detail, instance, errors, currentStatus, suggestions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(Path path) {
        String field = Validation.field(path);
        return field.isEmpty() ? "body" : field;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
