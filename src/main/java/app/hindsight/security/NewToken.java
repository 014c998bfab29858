package app.hindsight.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.hindsight.shared.Roles;
import app.hindsight.text.SingleLine;

/** A token to create: its name is what history records as the actor. */
@Schema(name = "NewToken")
public record NewToken(
        @NotBlank
        @Size(max = 100)
        @SingleLine
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "letters, digits and . _ @ - only")
        @Schema(example = "chat-bridge")
        String name,

        @NotEmpty @Size(max = 4) @Schema(example = "[\"editor\", \"reviewer\"]")
        Set<@NotNull @SingleLine @Pattern(regexp = Roles.ONE_OF, message = Roles.ONE_OF_MESSAGE) String> roles) {}
