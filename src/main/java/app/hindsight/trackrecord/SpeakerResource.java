package app.hindsight.trackrecord;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.web.CsvResponse;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;
import app.hindsight.web.QueryFlag;

@Path("/api/v1/speakers")
@Tag(name = "Speakers")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private static final CsvWriter<SpeakerRow> CSV = CsvWriter.of(SpeakerRow.class);

    @Inject
    SpeakerRecords speakers;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(operationId = "listSpeakers", summary = "Speakers' track records")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<SpeakerView>> list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional,
            @Context UriInfo uri) {
        List<SpeakerView> all = speakers.all(QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional));
        return Page.of(Paged.ofRanked(all, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response listCsv(@QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional) {
        List<SpeakerRow> rows =
                speakers.all(QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional)).stream()
                        .map(SpeakerRow::of)
                        .toList();
        return CsvResponse.of(CSV, rows);
    }

    /**
     * A name that is only a part of one speaker's (altman for Sam Altman) is redirected rather than served, so the
     * client keeps the speaker's own URL: the part may fit a second speaker tomorrow, the full name still one.
     */
    @GET
    @Path("{name}")
    @Operation(operationId = "getSpeaker", summary = "A speaker's track record")
    @APIResponseSchema(SpeakerView.class)
    @RolesAllowed(Roles.READER)
    public Response one(
            @PathParam("name") String name,
            @QueryParam("limit") String limit,
            @QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional,
            @Context UriInfo uri) {
        Optional<SpeakerView> exact = speakers.find(
                name, Page.limit(limit), QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional));
        if (exact.isPresent()) {
            return Response.ok(exact.get()).build();
        }
        String canonical = speakers.canonical(name);
        String path =
                UriBuilder.fromPath("/api/v1/speakers/{name}").build(canonical).getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(308)
                .location(publicUrl.of(path + (query == null ? "" : "?" + query)))
                .build();
    }
}
