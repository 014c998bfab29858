package app.hindsight.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API's description and its one security scheme, so Swagger UI's Authorize button takes a bearer token. The
 * problem document's schema and the headers responses share are registered here: every error response refers to the
 * problem (OpenApiErrors adds it), every response to the rate-limit headers, and every page to Link.
 */
@OpenAPIDefinition(
        // The description is in openapi/texts.yaml, with the rest of the prose (OpenApiTexts).
        info = @Info(title = "Hindsight", version = "1.0"),
        components =
                @Components(
                        schemas = @Schema(name = "Problem", implementation = Problem.class),
                        headers = {
                            @Header(
                                    name = "Retry-After",
                                    description = "Seconds to wait before the next request will be allowed",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")),
                            @Header(
                                    name = "RateLimit-Limit",
                                    description = "Requests a minute this caller (its token, or its address for calls "
                                            + "without one or with one that has not authenticated yet) may make; sent "
                                            + "while rate limits are on",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")),
                            @Header(
                                    name = "RateLimit-Remaining",
                                    description = "Requests left now",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")),
                            @Header(
                                    name = "RateLimit-Reset",
                                    description = "Seconds until the allowance is full again",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")),
                            @Header(
                                    name = "Link",
                                    description = "The next page, as <URL>; rel=\"next\": this request with the "
                                            + "next page's cursor; absent on the last page",
                                    schema = @Schema(type = SchemaType.STRING))
                        }))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token from POST /api/v1/tokens, or the first admin token")
public class ApiDefinition extends Application {}
