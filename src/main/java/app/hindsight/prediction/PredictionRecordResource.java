package app.hindsight.prediction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.PredictionVersion;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.prediction.store.PredictionVersions;
import app.hindsight.shared.Roles;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

/** A prediction's record: its history, and the versions of its statement, resolution criteria, target and metric. */
@Path("/api/v1/predictions/{key}")
@Tag(name = "Predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionRecordResource {

    @Inject
    PredictionVersions versions;

    @Inject
    PublicUrl publicUrl;

    @Inject
    PredictionHistory history;

    @GET
    @Path("history")
    @Operation(operationId = "getPredictionHistory", summary = "History")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<EventView>> history(
            @PathParam("key") String key,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(history.of(key, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Path("versions")
    @Operation(operationId = "listPredictionVersions", summary = "Versions")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<PredictionVersion>> list(
            @PathParam("key") String key,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(versions.of(key, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }
}
