package app.hindsight.trackrecord;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Roles;
import app.hindsight.web.CsvResponse;
import app.hindsight.web.QueryFlag;

@Path("/api/v1/stats")
@Tag(name = "Stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final CsvWriter<Stats.Row> CSV = CsvWriter.of(Stats.Row.class);

    @Inject
    Stats stats;

    @GET
    @Operation(operationId = "getStats", summary = "Stats")
    @RolesAllowed(Roles.READER)
    public StatsView get(@QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional) {
        return stats.now(QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional));
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response csv(@QueryParam(QueryFlag.INCLUDE_PROVISIONAL) String includeProvisional) {
        return CsvResponse.of(
                CSV, Stats.rows(stats.now(QueryFlag.parse(QueryFlag.INCLUDE_PROVISIONAL, includeProvisional))));
    }
}
