package app.hindsight.seed;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.prediction.PredictionResource;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;

@Path("/api/v1/imports")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    ImportReader reader;

    @Inject
    Actor actor;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, PredictionResource.NDJSON})
    @Operation(operationId = "importItems", summary = "Import sources and predictions")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema =
                                @Schema(
                                        type = SchemaType.ARRAY,
                                        implementation = ImportItem.class,
                                        maxItems = ImportItem.MAX_ITEMS,
                                        description = ImportItem.BOUND)),
                @Content(
                        mediaType = PredictionResource.NDJSON,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        maxLength = ImportItem.MAX_BODY,
                                        description = ImportItem.BOUND))
            })
    @RolesAllowed(Roles.EDITOR)
    public ImportResult importItems(
            @QueryParam("dryRun") String dryRun,
            @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        boolean ndjson = contentType != null && contentType.startsWith(PredictionResource.NDJSON);
        return imports.run(reader.parse(body, ndjson), actor.name(), flag("dryRun", dryRun));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest(name, "must be true or false");
    }
}
