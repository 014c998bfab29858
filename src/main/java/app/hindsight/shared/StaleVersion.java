package app.hindsight.shared;

/**
 * The writer's copy is not the current version: someone changed the record since the writer read it. With a
 * {@code weakTag} the client's only tags were weak ones, which never match: If-Match compares strongly (RFC 9110
 * 13.1.1), so the refusal says that, rather than name as stale the very version the client sent.
 */
public class StaleVersion extends DomainException {

    private final long current;
    private final String weakTag;

    public StaleVersion(long current, String weakTag) {
        this(current, weakTag, "prediction");
    }

    /** {@code what} names the record in the refusal: "the transcript was changed since your copy". */
    public StaleVersion(long current, String weakTag, String what) {
        super(
                412,
                weakTag == null ? "precondition-failed" : "weak-etag",
                weakTag == null ? "Stale ETag" : "Weak ETag",
                weakTag == null
                        ? "the " + what + " was changed since your copy; its current ETag is "
                                + ExpectedVersion.tag(current)
                        : "If-Match compares entity tags strongly (RFC 9110), so the weak tag " + weakTag
                                + " never matches; send the ETag exactly as a GET returned it, without W/");
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
