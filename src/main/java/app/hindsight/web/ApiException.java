package app.hindsight.web;

import java.util.List;

import app.hindsight.shared.FieldError;

/**
 * Thrown by the HTTP layer (resources, query parameters, cursors, preconditions) for anything the client must hear
 * about; {@link ProblemMapper} turns it into a problem document. The type slug becomes {@code /problems/{slug}}.
 * Domain code throws the exceptions of {@code app.hindsight.shared} instead.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final String currentStatus;

    public ApiException(
            int status, String type, String title, String detail, List<FieldError> errors, String currentStatus) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.currentStatus = currentStatus;
    }

    public static ApiException badRequest(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, "invalid-request", "The request is not valid", detail, errors, null);
    }

    public static ApiException notFound(String what, String key) {
        return new ApiException(404, "not-found", "Not found", what + " '" + key + "' does not exist", null, null);
    }

    /** A numeric id from a path: anything that is not one names nothing, so it is a 404 like an unknown id. */
    public static long idOf(String what, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(what, id);
        }
    }

    public static ApiException preconditionRequired() {
        return preconditionRequired("send the ETag from a GET of this prediction in an If-Match header");
    }

    static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "If-Match required", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
