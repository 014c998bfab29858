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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.shared.Roles;
import app.hindsight.web.ApiException;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/reviews")
@Tag(name = "Reviews", description = "The review queue: predictions that came due and need a human")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    PublicUrl publicUrl;

    @Inject
    ReviewService reviews;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(
            operationId = "listReviews",
            summary = "The review queue",
            description =
                    "Open reviews (default) or closed ones, oldest first, with "
                            + "how many days each is overdue. A review closes when its prediction is resolved, deferred or withdrawn.")
    @APIResponse(responseCode = "200", description = "A page of reviews; a Link header points to the next one")
    @APIResponse(responseCode = "400", description = "A bad state, limit or cursor")
    public RestResponse<Page<ReviewView>> queue(
            @Parameter(description = "OPEN (default) or CLOSED") @QueryParam("state") String state,
            @Parameter(description = "only reviews assigned to this person") @QueryParam("assignee") String assignee,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
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
    @Operation(
            operationId = "assignReview",
            summary = "Assign a review",
            description = "Sets who reviews; {\"assignee\": null} unassigns.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = Assignment.class),
                            examples = @ExampleObject(name = "assign", value = "{\"assignee\": \"alice\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The review",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "The review is closed")
    public ReviewView assign(@PathParam("id") String id, Assignment body) {
        return reviews.assign(ApiException.idOf("review", id), body);
    }
}
