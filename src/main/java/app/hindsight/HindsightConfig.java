package app.hindsight;

import java.nio.file.Path;
import java.time.ZoneId;

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

    interface Http {
        /** Largest request body accepted, except by imports. */
        @WithDefault("262144")
        long maxBodySize();

        /** Largest request body an import accepts. */
        @WithDefault("33554432")
        long maxImportBodySize();
    }
}
