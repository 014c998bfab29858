package app.hindsight.shared;

/**
 * The request contradicts what is stored: a key already taken, a review already closed. {@code code} names the
 * kind of conflict for clients (the problem document's type), the message says what happened.
 */
public class Conflict extends DomainException {

    public Conflict(String code, String detail) {
        super(409, code, "Conflict", detail);
    }
}
