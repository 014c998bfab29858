package app.hindsight.shared;

import java.util.List;

/**
 * A request the domain cannot carry out, for a reason the client must hear about. It carries the problem document
 * the client reads (RFC 9457): its status, its type (the slug of {@code /problems/{type}}), its title, and its message
 * as the detail; {@code web.ProblemMapper} maps every one the same way, so a feature adds an exception without
 * touching the web layer. Cheap to throw: no stack trace, since it is an answer, not a bug.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    protected DomainException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
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

    /** The fields at fault, for the problem's {@code errors}; none unless the input is. */
    public List<FieldError> errors() {
        return List.of();
    }

    /** The problem's {@code currentStatus}: the status of the prediction a refused transition found; else null. */
    public String currentStatus() {
        return null;
    }

    /** Names the client may have meant, for the problem's {@code suggestions}; none unless a look-up missed. */
    public List<String> suggestions() {
        return List.of();
    }

    /** When the same request may succeed (Retry-After, in seconds); 0 when waiting changes nothing. */
    public int retryAfterSeconds() {
        return 0;
    }
}
