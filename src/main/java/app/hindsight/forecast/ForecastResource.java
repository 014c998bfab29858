package app.hindsight.forecast;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.csv.CsvWriter;
import app.hindsight.security.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.CsvResponse;
import app.hindsight.web.PublicUrl;

@Path("/api/v1/predictions/{key}/forecasts")
@Tag(name = "Forecasts", description = "Probabilities that a prediction comes true, scored once it resolves")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private static final CsvWriter<ForecastView> CSV = CsvWriter.of(ForecastView.class);

    private static final String LIST_SUMMARY = "A prediction's forecasts";
    private static final String LIST_DESCRIPTION = "Every forecast, oldest first, and the aggregate of each "
            + "forecaster's latest (the count, median and mean); with Accept: text/csv the forecasts alone, a header "
            + "row first.";

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
            description = "The prediction takes no forecasts: resolved, withdrawn, or past its dueAt")
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
            description = "The forecasts and their aggregate",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ForecastList.class)))
    @APIResponse(responseCode = "404", description = "No such prediction")
    @RolesAllowed(Roles.READER)
    public ForecastList list(@PathParam("key") String key) {
        return forecasts.list(key);
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
        return CsvResponse.of(CSV, forecasts.list(key).items());
    }
}
