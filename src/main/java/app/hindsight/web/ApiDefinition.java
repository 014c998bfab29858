package app.hindsight.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API's description and its one security scheme, so Swagger UI's Authorize button takes a bearer token. */
@OpenAPIDefinition(info = @Info(title = "Hindsight", version = "1.0",
        description = "Tracks public predictions about AI: provenance, target dates, review and resolution. "
                + "Writes need an API token (Authorization: Bearer ...); reads are open unless the server turned "
                + "anonymous reads off."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token from POST /api/v1/tokens, or the first admin token")
public class ApiDefinition extends Application {
}
