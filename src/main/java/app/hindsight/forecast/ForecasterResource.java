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
import app.hindsight.web.QueryFlag;

@Path("/api/v1/forecasters")
@Tag(name = "Forecasters")
@Produces(MediaType.APPLICATION_JSON)
public class ForecasterResource {

    static final String SVG = "image/svg+xml";
    private static final CsvWriter<ForecasterView> CSV = CsvWriter.of(ForecasterView.class);

    @Inject
    ForecasterRecords records;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Operation(operationId = "listForecasters", summary = "Forecasters, best first")
    @RolesAllowed(Roles.READER)
    public RestResponse<Page<ForecasterView>> list(
            @QueryParam("minScored") String minScored,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional,
            @Context UriInfo uri) {
        List<ForecasterView> ranked = records.ranked(
                minScored(minScored), QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional));
        return Page.of(Paged.ofRanked(ranked, Cursor.decode(cursor), Page.limit(limit)))
                .toResponse(uri, publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response listCsv(
            @QueryParam("minScored") String minScored,
            @QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional) {
        return CsvResponse.of(
                CSV,
                records.ranked(
                        minScored(minScored), QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional)));
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getForecaster", summary = "A forecaster's record")
    @RolesAllowed(Roles.READER)
    public ForecasterRecord record(
            @PathParam("name") String name, @QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional) {
        return records.record(name, QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional));
    }

    @GET
    @Path("{name}/calibration.svg")
    @Produces(SVG)
    @Operation(operationId = "getForecasterCalibrationChart", summary = "A forecaster's calibration chart")
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
