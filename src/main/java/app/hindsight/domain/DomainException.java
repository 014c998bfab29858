package app.hindsight.domain;

/**
 * A request the domain cannot carry out, for a reason the client must hear about. Cheap to throw: no stack trace,
 * since it is an answer, not a bug.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
