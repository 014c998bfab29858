package app.hindsight.shared;

/**
 * Something the request needs is out of reach for now (the SMTP server, say): nothing was done, and the same request
 * may succeed later. {@code retryAfterSeconds} says when it is worth trying again.
 */
public class Unavailable extends DomainException {

    private final int retryAfterSeconds;

    public Unavailable(String detail, int retryAfterSeconds) {
        super(503, "unavailable", "Service unavailable", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
