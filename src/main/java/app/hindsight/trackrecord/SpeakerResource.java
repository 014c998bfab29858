package app.hindsight.trackrecord;

import java.util.List;

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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.web.CsvResponse;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

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
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Page.of(Paged.ofRanked(speakers.all(), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response listCsv() {
        List<SpeakerRow> rows = speakers.all().stream().map(SpeakerRow::of).toList();
        return CsvResponse.of(CSV, rows);
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getSpeaker", summary = "A speaker's track record")
    @RolesAllowed(Roles.READER)
    public SpeakerView one(@PathParam("name") String name, @QueryParam("limit") String limit) {
        return speakers.one(name, Page.limit(limit));
    }
}
