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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import app.hindsight.csv.CsvWriter;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.Cursor;
import app.hindsight.web.Examples;
import app.hindsight.web.Page;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/predictions/{key}/forecasts")
@Tag(name = "Forecasts", description = "Probabilities that a prediction comes true, scored once it resolves")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private static final CsvWriter<ForecastView> CSV = CsvWriter.of(ForecastView.class);

    private static final String LIST_SUMMARY = "A prediction's forecasts";
    private static final String LIST_DESCRIPTION = "The forecasts, oldest first, paged with an opaque cursor (a Link "
            + "header with rel=\"next\" points to the next page), and the aggregate of each forecaster's latest (the "
            + "count, median and mean, over all of them); with Accept: text/csv every forecast, unpaged, a header row "
            + "first.";

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
    @Operation(
            operationId = "addForecast",
            summary = "Forecast",
            description = "Records the probability (0.01 to 0.99) that the prediction resolves CORRECT, in the name of "
                    + "the token. Forecasts are append-only: the forecaster's latest counts. Taken while the "
                    + "prediction is OPEN or DUE and before its dueAt.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewForecast.class),
                            examples =
                                    @ExampleObject(
                                            name = "forecast",
                                            value = "{\"probability\": 0.3, \"note\": \"10x a year holds so far\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points to the prediction's forecasts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ForecastView.class)))
    @APIResponse(responseCode = "400", description = "A bad probability or note; errors names the field")
    @APIResponse(responseCode = "404", description = "No such prediction")
    @APIResponse(
            responseCode = "409",
            description = "The prediction takes no forecasts: resolved, withdrawn, past its dueAt, or holding "
                    + "hindsight.limits.forecasts-per-prediction already")
    @RolesAllowed(Roles.FORECASTER)
    public Response add(@PathParam("key") String key, NewForecast body) {
        ForecastView created = forecasts.add(key, actor.name(), body);
        return Response.created(publicUrl.of("/api/v1/predictions/" + key + "/forecasts"))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listForecasts", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "A page of forecasts and the aggregate; a Link header points to the next page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ForecastList.class)))
    @APIResponse(
            responseCode = "400",
            description = "Bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad cursor", value = Examples.BAD_CURSOR)))
    @APIResponse(responseCode = "404", description = "No such prediction")
    @RolesAllowed(Roles.READER)
    public RestResponse<ForecastList> list(
            @PathParam("key") String key,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
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
    @Operation(operationId = "listForecasts", summary = LIST_SUMMARY, description = LIST_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The forecasts as CSV",
            content =
                    @Content(
                            mediaType = CsvWriter.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING),
                            examples =
                                    @ExampleObject(
                                            name = "csv",
                                            value =
                                                    "id,forecaster,probability,note,at\n"
                                                            + "1,alice,0.3,\"10x a year holds so far\",2026-11-29T10:00:00Z\n")))
    @APIResponse(responseCode = "404", description = "No such prediction")
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
