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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.prediction.PredictionResource;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.Examples;
import app.hindsight.web.Problem;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk upsert of sources and predictions")
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
    @Operation(
            operationId = "importItems",
            summary = "Import sources and predictions",
            description = "A JSON array, or NDJSON (one item a line). "
                    + "An item with \"type\": \"source\" is a source (NewSource); any other item is a prediction "
                    + "(NewPrediction, \"type\": \"prediction\" optional). Upsert by key: absent items are created, "
                    + "different ones updated (an UPDATED event records the change), equal ones left alone. A prediction "
                    + "without a key is always created, under a key generated from its statement and made free with a suffix "
                    + "(-2, -3, ...); only an item that names its key updates. Sources are written first. All or nothing: any invalid "
                    + "item means 422, every bad item listed with its index and field, and nothing written.")
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
                                        description = ImportItem.BOUND),
                        examples = @ExampleObject(name = "source and prediction", value = Examples.IMPORT)),
                @Content(
                        mediaType = PredictionResource.NDJSON,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        maxLength = ImportItem.MAX_BODY,
                                        description = ImportItem.BOUND))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was (or, with dryRun, would be) created, updated and left unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array or not JSON at all")
    @APIResponse(
            responseCode = "409",
            description = "observations-conflict: an item would make a stored prediction's metric LOG while "
                    + "observations of it are not above 0; nothing was written")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Neither application/json nor application/x-ndjson")
    @APIResponse(
            responseCode = "422",
            description = "Some items are invalid; nothing was written",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad items", value = Examples.INVALID_IMPORT)))
    @RolesAllowed(Roles.EDITOR)
    public ImportResult importItems(
            @Parameter(description = "validate and count, write nothing") @QueryParam("dryRun") String dryRun,
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
