package app.hindsight.shared;

/**
 * Another writer changed the record between this one's read and its write, and won. {@code versionExpected} says
 * whether this writer named the version it expected: if it did, its expectation no longer holds (a stale version,
 * 412); if not, it can only be told to read again and retry (a conflict, 409). A client that sent no ETag cannot be
 * told its ETag is stale.
 */
public class ConcurrentChange extends DomainException {

    public ConcurrentChange(boolean versionExpected) {
        super(
                versionExpected ? 412 : 409,
                versionExpected ? "precondition-failed" : "concurrent-modification",
                versionExpected ? "Stale ETag" : "Conflict",
                versionExpected
                        ? "the prediction was changed by another request while this one ran; GET it again for its "
                                + "current ETag"
                        : "the record was changed by another request at the same time; read it again and retry");
    }
}
