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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.Kind;
import app.hindsight.prediction.PredictionFilter;
import app.hindsight.prediction.Status;
import app.hindsight.shared.Roles;
import app.hindsight.web.Problem;
import app.hindsight.web.PublicUrl;
import net.fortuna.ical4j.model.Calendar;

@Path("/api/v1/calendar.ics")
@Tag(
        name = "Calendar",
        description = "An iCalendar feed of the predictions coming due, to subscribe to from a calendar app")
public class CalendarResource {

    @Inject
    PublicUrl publicUrl;

    public static final String TEXT_CALENDAR = "text/calendar";
    static final String TEXT_CALENDAR_UTF8 = TEXT_CALENDAR + "; charset=UTF-8";
    /** The days the feed covers, as an ISO 8601 interval of dates, e.g. 2026-09-08/2027-12-07. */
    static final String WINDOW_HEADER = "Hindsight-Calendar-Window";

    static final String EXAMPLE = """
            BEGIN:VCALENDAR
            PRODID:-//Hindsight//Predictions//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            X-WR-CALNAME:Hindsight: predictions coming due
            X-WR-CALDESC:Open and due predictions tracked by Hindsight\\, each on the da
             y its target window ends (or its next review)\\, from 2027-01-01 to 2027-12
             -31
            REFRESH-INTERVAL;VALUE=DURATION:PT6H
            X-PUBLISHED-TTL:PT6H
            BEGIN:VEVENT
            UID:gpt5-level-intelligence-100x-cheaper-by-2027@hindsight
            DTSTAMP:20260127T120000Z
            LAST-MODIFIED:20260127T120000Z
            DTSTART;VALUE=DATE:20271231
            DTEND;VALUE=DATE:20280101
            SUMMARY:By the end of 2027 OpenAI will offer GPT-5-level intelligence at le
             ast 100 times cheaper than in early 2026.
            DESCRIPTION:Speaker: Sam Altman\\nSource: altman-town-hall-2026-01-27\\nStatu
             s: OPEN\\nTarget: by the end of 2027 (2027-12-31\\, YEAR\\, EXPLICIT)\\nReview
              every: P6M\\nNext review: 2026-07-27\\nQuote (zh-Hant\\, §5): 到2027年底
             ，OpenAI將提供類似GPT-5水平的高級智能，成本至少降低100
             倍\\nResolution criteria: Compare OpenAI's price per token for a GPT-5-lev
             el model at the end of 2027 with January 2026.\\nAPI: /api/v1/predictions/g
             pt5-level-intelligence-100x-cheaper-by-2027
            CATEGORIES:cost,models
            STATUS:CONFIRMED
            TRANSP:TRANSPARENT
            URL:http://localhost:8080/api/v1/predictions/gpt5-level-intelligence-100x-c
             heaper-by-2027
            END:VEVENT
            END:VCALENDAR
            """;

    static final String BAD_FILTER = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "status: 'SOON' must be one of OPEN, DUE, RESOLVED, WITHDRAWN", \
            "instance": "/api/v1/calendar.ics", \
            "errors": [{"field": "status", "message": "'SOON' must be one of OPEN, DUE, RESOLVED, WITHDRAWN"}]}""";

    static final String TOO_LONG = """
            {"type": "/problems/invalid-request", "title": "The request is not valid", "status": 400, \
            "detail": "to: the window from 2027-01-01 to 2037-01-01 is longer than P5Y; ask for several shorter ones", \
            "instance": "/api/v1/calendar.ics", \
            "errors": [{"field": "to", "message": "the window from 2027-01-01 to 2037-01-01 is longer than P5Y; \
            ask for several shorter ones"}]}""";

    @Inject
    CalendarFeed feed;

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(
            operationId = "getCalendar",
            summary = "Calendar feed of predictions coming due",
            description = "An iCalendar document (RFC 5545) with one all-day event per OPEN or DUE prediction that "
                    + "matches the filters (the list's filters, without paging) and whose day falls in the window: on "
                    + "its target date, or, for a prediction without one, on its next review date with the summary "
                    + "prefixed 'Review: '. The window is from 90 days ago to a year ahead unless from and to say "
                    + "otherwise (hindsight.calendar.past and .ahead); X-WR-CALDESC and the Hindsight-Calendar-Window "
                    + "header name its days. "
                    + "UID is <key>@hindsight and never changes; DTSTAMP is the prediction's last change. "
                    + "RESOLVED and WITHDRAWN predictions never appear, whatever the status filter says. "
                    + "Subscribe to this URL (with any filters as query parameters) from a calendar app.")
    @APIResponse(
            responseCode = "200",
            description =
                    "The calendar (UTF-8, CRLF line endings, lines folded at 75 octets); no events when nothing matches",
            headers =
                    @Header(
                            name = WINDOW_HEADER,
                            description = "The days the feed covers, both included, as an ISO 8601 interval",
                            schema = @Schema(type = SchemaType.STRING, example = "2027-01-01/2027-12-31")),
            content =
                    @Content(
                            mediaType = TEXT_CALENDAR,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "one prediction", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, or a window that is not one or is too long; errors names the parameter",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "bad status", value = BAD_FILTER),
                                @ExampleObject(name = "window too long", value = TOO_LONG)
                            }))
    @APIResponse(
            responseCode = "503",
            description = "Building the calendar took longer than it may; ask again after " + "Retry-After seconds",
            headers = @Header(name = "Retry-After", ref = "#/components/headers/Retry-After"))
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "OPEN or DUE (both by default); repeat or "
                    + "comma-separate for several. RESOLVED and WITHDRAWN are accepted but match nothing here",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Status.class, maxItems = 4))
    @Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(implementation = Kind.class))
    @Parameter(name = "topic", in = ParameterIn.QUERY, description = "a topic tag, e.g. cost")
    @Parameter(
            name = "speaker",
            in = ParameterIn.QUERY,
            description = "speaker name, case-insensitive (e.g. Sam Altman)")
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "source key")
    @Parameter(
            name = "dueBefore",
            in = ParameterIn.QUERY,
            description =
                    "dueAt before this date (start of day in the configured zone) or instant, exclusive; leaves out undated predictions")
    @Parameter(
            name = "dueAfter",
            in = ParameterIn.QUERY,
            description = "dueAt at or after this date or instant; leaves out undated predictions")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "text in the statement or the quote, case-insensitive")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description =
                    "the first day of the window, included; 90 days before today by default "
                            + "(hindsight.calendar.past). The window may be at most 5 years long (hindsight.calendar.max-window)",
            schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2027-01-01"))
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description =
                    "the last day of the window, included; a year after today by default (hindsight.calendar.ahead)",
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
