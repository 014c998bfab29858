package app.hindsight.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.store.PredictionFilter;
import app.hindsight.shared.Roles;
import app.hindsight.web.PublicUrl;
import net.fortuna.ical4j.model.Calendar;

@Path("/api/v1/calendar.ics")
@Tag(name = "Calendar")
public class CalendarResource {

    @Inject
    PublicUrl publicUrl;

    public static final String TEXT_CALENDAR = "text/calendar";
    static final String TEXT_CALENDAR_UTF8 = TEXT_CALENDAR + "; charset=UTF-8";
    /** The days the feed covers, as an ISO 8601 interval of dates, e.g. 2026-09-08/2027-12-07. */
    static final String WINDOW_HEADER = "Hindsight-Calendar-Window";

    @Inject
    CalendarFeed feed;

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(operationId = "getCalendar", summary = "Calendar feed of predictions coming due")
    @APIResponse(
            responseCode = "200",
            headers =
                    @Header(
                            name = WINDOW_HEADER,
                            description = "The days the feed covers, both included, as an ISO 8601 interval",
                            schema = @Schema(type = SchemaType.STRING, example = "2027-01-01/2027-12-31")))
    @Parameter(name = "status", in = ParameterIn.QUERY)
    @Parameter(name = "kind", in = ParameterIn.QUERY)
    @Parameter(name = "topic", in = ParameterIn.QUERY)
    @Parameter(name = "speaker", in = ParameterIn.QUERY)
    @Parameter(name = "source", in = ParameterIn.QUERY)
    @Parameter(name = "dueBefore", in = ParameterIn.QUERY)
    @Parameter(name = "dueAfter", in = ParameterIn.QUERY)
    @Parameter(name = "q", in = ParameterIn.QUERY)
    @Parameter(name = "hasMetric", in = ParameterIn.QUERY)
    @Parameter(name = "nextReviewFrom", in = ParameterIn.QUERY)
    @Parameter(name = "nextReviewTo", in = ParameterIn.QUERY)
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2027-01-01"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2027-12-31"))
    @RolesAllowed(Roles.READER)
    public Response calendar(@Context UriInfo uri) {
        PredictionFilter filter = PredictionFilter.parse(uri.getQueryParameters(), config.zone());
        HindsightConfig.Calendar settings = config.calendar();
        CalendarWindow window = CalendarWindow.parse(
                uri.getQueryParameters(),
                LocalDate.now(clock.withZone(config.zone())),
                settings.past(),
                settings.ahead(),
                settings.maxWindow());
        // Built before the response starts, so a failure is a problem document, not a truncated calendar.
        Calendar calendar = feed.build(filter, window, URI.create(publicUrl.base() + "/"));
        StreamingOutput body = out -> IcsWriter.write(calendar, out);
        return Response.ok(body, TEXT_CALENDAR_UTF8)
                .header(WINDOW_HEADER, window.toString())
                .build();
    }
}
