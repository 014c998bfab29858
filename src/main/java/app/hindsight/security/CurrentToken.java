package app.hindsight.security;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the token on a request is: its name (what history records) and the roles it holds, implied ones included. */
@Schema(requiredProperties = {"name", "roles"})
public record CurrentToken(
        @Schema(example = "alice") String name,
        @Schema(example = "[\"reader\", \"reviewer\"]") Set<String> roles) {}
