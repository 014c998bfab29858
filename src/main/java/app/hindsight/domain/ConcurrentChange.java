package app.hindsight.domain;

/**
 * Another writer changed the record between this one's read and its write, and won. {@code versionExpected} says
 * whether this writer named the version it expected: if it did, its expectation no longer holds (a stale version);
 * if not, it can only be told to read again and retry.
 */
public class ConcurrentChange extends DomainException {

    private final boolean versionExpected;

    public ConcurrentChange(boolean versionExpected) {
        super("changed by another writer at the same time");
        this.versionExpected = versionExpected;
    }

    public boolean versionExpected() {
        return versionExpected;
    }
}
