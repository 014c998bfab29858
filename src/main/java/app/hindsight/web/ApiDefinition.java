package app.hindsight.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API's description and its one security scheme, so Swagger UI's Authorize button takes a bearer token. The
 * problem document's schema is registered here: every error response refers to it (OpenApiTruthFilter adds it).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Hindsight",
                        version = "1.0",
                        description =
                                "Tracks public predictions about AI: provenance, target dates, review and resolution. "
                                        + "Operations with a lock need an API token (Authorization: Bearer ..., see Authorize) with the "
                                        + "role their 403 response names. Reads have no lock: they are open to anonymous callers, unless the server "
                                        + "sets hindsight.auth.anonymous-read=false, and then need a token with any role."),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token from POST /api/v1/tokens, or the first admin token")
public class ApiDefinition extends Application {}
