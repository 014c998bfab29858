package app.hindsight.forecast;

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
import app.hindsight.web.ApiException;
import app.hindsight.web.CsvResponse;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/forecasters")
@Tag(name = "Forecasters", description = "Who forecast well: Brier and log scores, against the crowd, calibration")
@Produces(MediaType.APPLICATION_JSON)
public class ForecasterResource {

    static final String SVG = "image/svg+xml";
    private static final CsvWriter<ForecasterView> CSV = CsvWriter.of(ForecasterView.class);

    private static final String LIST_SUMMARY = "Forecasters, best first";
    private static final String LIST_DESCRIPTION = "Each forecaster's mean Brier and log score over the predictions "
            + "scored so far (resolved CORRECT = 1, INCORRECT = 0, PARTIALLY_CORRECT = 0.5; UNVERIFIABLE and unresolved "
            + "ones are not scored), each by their latest forecast before the close (the earlier of the resolution "
            + "and dueAt); the crowd's Brier on the same predictions (the crowd forecast is the median of every "
            + "forecaster's latest before the close) and relativeBrier = meanBrier - crowdBrier. Best first: by "
            + "relativeBrier, then meanBrier; forecasters with nothing scored last. Computed on every read. JSON pages "
            + "(limit, cursor) or, with Accept: text/csv, every row.";

    @Inject
    ForecasterRecords records;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(operationId = "listForecasters", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A page of forecasters")
    @APIResponse(responseCode = "400", description = "A bad minScored, limit or cursor")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<ForecasterView>> list(
            @Parameter(description = "only forecasters with at least this many scored predictions (default 0)")
                    @QueryParam("minScored")
                    String minScored,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        List<ForecasterView> ranked = records.ranked(minScored(minScored));
        return Page.of(Paged.ofRanked(ranked, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @Operation(operationId = "listForecasters", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "Every forecaster as CSV",
            content =
                    @Content(
                            mediaType = CsvWriter.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples =
                                    @ExampleObject(
                                            name = "csv",
                                            value = "name,forecasts,scored,meanBrier,meanLog,crowdBrier,relativeBrier\n"
                                                    + "alice,12,5,0.12,-0.41,0.18,-0.06\n")))
    @APIResponse(responseCode = "400", description = "A bad minScored")
    @RolesAllowed(Roles.READER)
    public Response listCsv(@QueryParam("minScored") String minScored) {
        return CsvResponse.of(CSV, records.ranked(minScored(minScored)));
    }

    @GET
    @Path("{name}")
    @Operation(
            operationId = "getForecaster",
            summary = "A forecaster's record",
            description = "The scores of the list, and calibration: ten bins of width 0.1, each with the forecasts "
                    + "in it, their mean probability and the observed frequency (the mean outcome value).")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ForecasterRecord.class)))
    @APIResponse(responseCode = "404", description = "No forecast by that name")
    @RolesAllowed(Roles.READER)
    public ForecasterRecord record(@PathParam("name") String name) {
        return records.record(name);
    }

    @GET
    @Path("{name}/calibration.svg")
    @Produces(SVG)
    @Operation(
            operationId = "getForecasterCalibrationChart",
            summary = "A forecaster's calibration chart",
            description = "The calibration bins drawn against the diagonal of perfect calibration, as SVG.")
    @APIResponse(
            responseCode = "200",
            description = "An SVG document",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No forecast by that name")
    @RolesAllowed(Roles.READER)
    public String calibration(@PathParam("name") String name) {
        return records.calibrationSvg(name);
    }

    private static long minScored(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ApiException.badRequest("minScored", "must be a whole number, 0 or more");
    }
}
