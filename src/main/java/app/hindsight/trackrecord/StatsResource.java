package app.hindsight.trackrecord;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Roles;
import app.hindsight.web.CsvResponse;

@Path("/api/v1/stats")
@Tag(name = "Stats", description = "The ledger at a glance")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final CsvWriter<Stats.Row> CSV = CsvWriter.of(Stats.Row.class);

    private static final String SUMMARY = "Stats";
    private static final String DESCRIPTION = "Counts by status, kind and topic; outcomes per speaker; OPEN or DUE "
            + "predictions due within 30, 90 and 365 days; forecasts and forecasters. Computed on every read. With "
            + "Accept: text/csv, one row per figure (figure, value, count).";

    @Inject
    Stats stats;

    @GET
    @Operation(operationId = "getStats", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StatsView.class)))
    @RolesAllowed(Roles.READER)
    public StatsView get() {
        return stats.now();
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @Operation(operationId = "getStats", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The counts as CSV",
            content =
                    @Content(
                            mediaType = CsvWriter.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples =
                                    @ExampleObject(
                                            name = "csv",
                                            value = "figure,value,count\npredictions,,74\nstatus,OPEN,74\n")))
    @RolesAllowed(Roles.READER)
    public Response csv() {
        return CsvResponse.of(CSV, Stats.rows(stats.now()));
    }
}
