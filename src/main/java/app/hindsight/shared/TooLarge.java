package app.hindsight.shared;

/** What the request brings is more than this service takes (a transcript's text past its cap): nothing was stored. */
public class TooLarge extends DomainException {

    public TooLarge(String detail) {
        super(413, "body-too-large", "Request body too large", detail);
    }
}
