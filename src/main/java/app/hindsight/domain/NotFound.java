package app.hindsight.domain;

/** No {@code what} has this key (or id). */
public class NotFound extends DomainException {

    public NotFound(String what, String key) {
        super(what + " '" + key + "' does not exist");
    }
}
