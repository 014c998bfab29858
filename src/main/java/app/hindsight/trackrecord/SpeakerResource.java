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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Tag(name = "Speakers", description = "Track records: who was right, how often, against what odds")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private static final CsvWriter<SpeakerRow> CSV = CsvWriter.of(SpeakerRow.class);

    private static final String LIST_SUMMARY = "Speakers' track records";
    private static final String LIST_DESCRIPTION = "One row per speaker (names compared ignoring case), by name: "
            + "counts by status and outcome; hitRate = (C + 0.5 P) / (C + P + I) with its Wilson 95% interval; "
            + "crowdYield, the mean of outcome value / the crowd's probability at close over resolved predictions "
            + "with forecasts (above 1: the speaker beat what the crowd expected); againstTheCrowd, CORRECT calls the "
            + "crowd gave under 0.5. Computed on every read. JSON pages (limit, cursor) or, with Accept: text/csv, "
            + "every row.";

    @Inject
    SpeakerRecords speakers;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(operationId = "listSpeakers", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of speakers")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<SpeakerView>> list(
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return Page.of(Paged.ofRanked(speakers.all(), Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @Operation(operationId = "listSpeakers", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "Every speaker as CSV, one flat row each",
            content =
                    @Content(
                            mediaType = CsvWriter.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples =
                                    @ExampleObject(
                                            name = "csv",
                                            value = "name,predictions,open,due,resolved,withdrawn,correct,"
                                                    + "partiallyCorrect,incorrect,unverifiable,hitRate,hitRateLow,"
                                                    + "hitRateHigh,crowdYield,withForecasts,againstTheCrowd\n"
                                                    + "Sam Altman,74,70,0,4,0,2,1,1,0,0.625,0.22,0.9,1.3,3,1\n")))
    @RolesAllowed(Roles.READER)
    public Response listCsv() {
        List<SpeakerRow> rows = speakers.all().stream().map(SpeakerRow::of).toList();
        return CsvResponse.of(CSV, rows);
    }

    @GET
    @Path("{name}")
    @Operation(
            operationId = "getSpeaker",
            summary = "A speaker's track record",
            description = "The figures of the list, the same by kind and by topic, and the resolved predictions "
                    + "(latest first) with their outcome and the crowd's probability at close. The name is "
                    + "compared ignoring case.")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpeakerView.class)))
    @APIResponse(responseCode = "400", description = "A bad limit")
    @APIResponse(responseCode = "404", description = "No prediction by that speaker")
    @RolesAllowed(Roles.READER)
    public SpeakerView one(
            @PathParam("name") String name,
            @Parameter(description = "how many resolved predictions to list: 1 to 500, default 50") @QueryParam("limit")
                    String limit) {
        return speakers.one(name, Page.limit(limit));
    }
}
