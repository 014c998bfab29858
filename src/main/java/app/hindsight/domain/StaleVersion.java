package app.hindsight.domain;

/**
 * The writer's copy is not the current version: someone changed the record since the writer read it. With a
 * {@code weakTag} the client's only tags were weak ones, which never match.
 */
public class StaleVersion extends DomainException {

    private final long current;
    private final String weakTag;
    private final String what;

    public StaleVersion(long current, String weakTag) {
        this(current, weakTag, "prediction");
    }

    /** {@code what} names the record in the refusal: "the transcript was changed since your copy". */
    public StaleVersion(long current, String weakTag, String what) {
        super("version " + current + " is current");
        this.current = current;
        this.weakTag = weakTag;
        this.what = what;
    }

    public String what() {
        return what;
    }

    public long current() {
        return current;
    }

    public String weakTag() {
        return weakTag;
    }
}
