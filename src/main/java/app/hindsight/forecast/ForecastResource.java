package app.hindsight.forecast;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.Cursor;
import app.hindsight.web.Page;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/predictions/{key}/forecasts")
@Tag(name = "Forecasts")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private static final CsvWriter<ForecastView> CSV = CsvWriter.of(ForecastView.class);

    /** The forecasts a CSV export reads per transaction. */
    static final int CSV_BATCH = Page.MAX_LIMIT;

    @Inject
    ForecastService forecasts;

    @Inject
    Actor actor;

    @Inject
    PublicUrl publicUrl;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addForecast", summary = "Forecast")
    @APIResponseSchema(value = ForecastView.class, responseCode = "201")
    @RolesAllowed(Roles.FORECASTER)
    public Response add(@PathParam("key") String key, NewForecast body) {
        ForecastView created = forecasts.add(key, actor.name(), body);
        return Response.created(publicUrl.of("/api/v1/predictions/" + key + "/forecasts"))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listForecasts", summary = "A prediction's forecasts")
    @RolesAllowed(Roles.READER)
    public RestResponse<ForecastList> list(
            @PathParam("key") String key,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Cursor.Position<Instant> after = Cursor.instantPosition(cursor);
        ForecastService.Listing listing = forecasts.list(
                key, after == null ? null : after.key(), after == null ? 0 : after.id(), Page.limit(limit));
        Page<ForecastView> page = Page.of(listing.page(), ForecastView::at, ForecastView::id);
        return Page.withNext(
                new ForecastList(key, listing.aggregate(), page.items(), page.nextCursor()),
                page.nextCursor(),
                uri,
                publicUrl);
    }

    @GET
    @Produces(CsvWriter.MEDIA_TYPE + ";qs=0.5")
    @RolesAllowed(Roles.READER)
    public Response listCsv(@PathParam("key") String key) {
        // The first batch before the response starts: an unknown key is a 404, not a broken stream.
        Paged<ForecastView> first = forecasts.page(key, null, 0, CSV_BATCH);
        StreamingOutput body = out -> {
            try (CsvWriter.Rows<ForecastView> csv = CSV.open(out)) {
                Paged<ForecastView> batch = first;
                while (true) {
                    for (ForecastView f : batch.items()) {
                        csv.write(f);
                    }
                    if (batch.nextAfter() == null) {
                        break;
                    }
                    ForecastView last = batch.items().get(batch.items().size() - 1);
                    batch = forecasts.page(key, last.at(), last.id(), CSV_BATCH);
                }
            }
        };
        return Response.ok(body, CsvWriter.MEDIA_TYPE).build();
    }
}
