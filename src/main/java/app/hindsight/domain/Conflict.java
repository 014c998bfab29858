package app.hindsight.domain;

/**
 * The request contradicts what is stored: a key already taken, a review already closed. {@code code} names the
 * kind of conflict for clients (the problem document's type), the message says what happened.
 */
public class Conflict extends DomainException {

    private final String code;

    public Conflict(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
