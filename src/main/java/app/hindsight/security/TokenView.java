package app.hindsight.security;

import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A token as the API shows it. {@code token}, the secret, is present only in the response that created it. */
@Schema(
        name = "Token",
        requiredProperties = {"id", "name", "roles", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        long id,
        String name,
        Set<String> roles,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,

        @Schema(description = "The secret; shown once, when the token is created")
        String token) {}
