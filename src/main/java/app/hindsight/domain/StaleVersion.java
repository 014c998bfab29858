package app.hindsight.domain;

/**
 * The writer's copy is not the current version: someone changed the record since the writer read it. With a
 * {@code weakTag} the client's only tags were weak ones, which never match.
 */
public class StaleVersion extends DomainException {

    private final long current;
    private final String weakTag;

    public StaleVersion(long current, String weakTag) {
        super("version " + current + " is current");
        this.current = current;
        this.weakTag = weakTag;
    }

    public long current() {
        return current;
    }

    public String weakTag() {
        return weakTag;
    }
}
