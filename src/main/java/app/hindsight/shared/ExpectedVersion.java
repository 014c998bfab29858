package app.hindsight.shared;

import java.util.Set;

/**
 * The versions a writer's copy may have (HTTP's If-Match, parsed by {@code web.ETags}): a write goes ahead only when
 * the stored version is one of them, or with {@code anyVersion} whatever it is. {@code weakTag} keeps a weak tag the
 * client sent, which never matches: the refusal can then say why.
 */
public record ExpectedVersion(boolean anyVersion, Set<Long> versions, String weakTag) {

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    /** The entity tag of a version, as this service issues it and a writer sends it back: the version, quoted. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(false, Set.of(version), null);
    }

    /** Throws {@link StaleVersion} unless {@code current} is a version the writer expects. */
    public void check(long current) {
        check(current, "prediction");
    }

    /** As {@link #check(long)}, for a record of another kind, named in the refusal. */
    public void check(long current, String what) {
        if (!anyVersion && !versions.contains(current)) {
            throw new StaleVersion(current, weakTag, what);
        }
    }
}
