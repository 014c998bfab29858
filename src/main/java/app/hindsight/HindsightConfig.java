package app.hindsight;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code hindsight.}; README lists them. */
@ConfigMapping(prefix = "hindsight")
public interface HindsightConfig {

    /** The zone in which target dates end: {@code dueAt} is the start of the day after the target date here. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Where the embedded database and generated files live. */
    @WithDefault("./data")
    Path dataDir();

    Http http();

    Seed seed();

    Auth auth();

    interface Auth {
        /** Reads of predictions, sources, reviews, calendar and stats need no token. */
        @WithDefault("true")
        boolean anonymousRead();

        /** HINDSIGHT_ADMIN_TOKEN: registered as an admin token on start; without it one is generated. */
        Optional<String> adminToken();
    }

    interface Seed {
        /** Load the files of {@link #dir()} on start, creating what is absent and touching nothing else. */
        @WithDefault("true")
        boolean enabled();

        /** Folder of seed files: *.json (an array) and *.ndjson, in the import format, read in name order. */
        @WithDefault("seeds")
        Path dir();
    }

    interface Http {
        /** Largest request body accepted, except by imports. */
        @WithDefault("262144")
        long maxBodySize();

        /** Largest request body an import accepts. */
        @WithDefault("33554432")
        long maxImportBodySize();
    }
}
