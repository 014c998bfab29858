package app.hindsight.shared;

/** No {@code what} has this key (or id). */
public class NotFound extends DomainException {

    public NotFound(String what, String key) {
        super(404, "not-found", "Not found", what + " '" + key + "' does not exist");
    }
}
