package app.hindsight.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

import app.hindsight.shared.Roles;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/reviews")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    ReviewService reviews;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listReviews", summary = "The review queue")
    public RestResponse<Page<ReviewView>> queue(
            @QueryParam("state") String state,
            @QueryParam("assignee") String assignee,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        boolean open;
        if (state == null || state.equalsIgnoreCase("OPEN")) {
            open = true;
        } else if (state.equalsIgnoreCase("CLOSED")) {
            open = false;
        } else {
            throw ApiException.badRequest("state", "'" + state + "' must be OPEN or CLOSED");
        }
        return Page.of(reviews.queue(
                        open,
                        assignee == null || assignee.isBlank() ? null : assignee,
                        Cursor.decode(cursor),
                        Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @PUT
    @Path("{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "assignReview", summary = "Assign a review")
    public ReviewView assign(@PathParam("id") String id, Assignment body) {
        return reviews.assign(ApiException.idOf("review", id), body);
    }
}
