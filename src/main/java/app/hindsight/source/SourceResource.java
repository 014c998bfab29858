package app.hindsight.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Cursor;
import app.hindsight.web.Examples;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/sources")
@Tag(name = "Sources", description = "Documents predictions come from")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    SourceService sources;

    @GET
    @Operation(
            operationId = "listSources",
            summary = "List sources",
            description = "Oldest first, paged with an opaque cursor.")
    @APIResponse(responseCode = "200", description = "A page of sources; a Link header points to the next one")
    @APIResponse(
            responseCode = "400",
            description = "Bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<SourceView>> list(
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(sources.list(Cursor.decode(cursor), Page.limit(limit))).toResponse(uri, publicUrl);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSource",
            summary = "Create a source",
            description = "The key is generated from " + "the title when absent. Predictions name their source by key.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewSource.class),
                            examples = @ExampleObject(name = "keynote", value = Examples.NEW_SOURCE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SourceView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body; errors name each field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Examples.INVALID_SOURCE)))
    @APIResponse(responseCode = "409", description = "The key is taken")
    @APIResponse(responseCode = "413", description = "Body too large")
    @RolesAllowed(Roles.EDITOR)
    public Response create(NewSource source) {
        SourceView created = sources.create(source);
        return Response.created(publicUrl.of("/api/v1/sources/" + created.key()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getSource", summary = "Get a source", description = "The source with its key.")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SourceView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such source",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.SOURCE_NOT_FOUND)))
    @RolesAllowed(Roles.READER)
    public SourceView get(@PathParam("key") String key) {
        return sources.get(key);
    }
}
