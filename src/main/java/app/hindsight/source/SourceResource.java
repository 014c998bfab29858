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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    SourceService sources;

    @GET
    @Operation(operationId = "listSources", summary = "List sources")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<SourceView>> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Page.of(sources.list(Cursor.decode(cursor), Page.limit(limit))).toResponse(uri, publicUrl);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSource", summary = "Create a source")
    @APIResponseSchema(value = SourceView.class, responseCode = "201")
    @RolesAllowed(Roles.EDITOR)
    public Response create(NewSource source) {
        SourceView created = sources.create(source);
        return Response.created(publicUrl.of("/api/v1/sources/" + created.key()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getSource", summary = "Get a source")
    @RolesAllowed(Roles.READER)
    public SourceView get(@PathParam("key") String key) {
        return sources.get(key);
    }
}
