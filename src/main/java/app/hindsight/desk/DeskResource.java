package app.hindsight.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.forecast.ForecastService;
import app.hindsight.forecast.ForecasterRecords;
import app.hindsight.forecast.ForecasterView;
import app.hindsight.intake.store.CoverageQueries;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EventView;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.StatusMachine;
import app.hindsight.prediction.model.Transition;
import app.hindsight.prediction.model.VoidReason;
import app.hindsight.prediction.store.PredictionHistory;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.review.ReviewService;
import app.hindsight.review.ReviewView;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Roles;
import app.hindsight.shared.Tail;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;
import app.hindsight.trackrecord.SpeakerRecords;
import app.hindsight.trackrecord.SpeakerRow;
import app.hindsight.trajectory.TrajectoryService;
import app.hindsight.web.Cursor;
import app.hindsight.web.ETags;
import app.hindsight.web.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The review desk: pages for the people who review, rendered on the server from the same services the API answers
 * with. Read-only; every figure and rule comes from those services, the pages only arrange them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DeskResource {

    /** The most rows of a prediction's history or forecasts, or of the speakers or forecasters, a page shows. */
    static final int SHOWN = 100;

    /**
     * The type of the pages an exception mapper builds: they are rendered there, since a TemplateInstance in a built
     * response goes out as text/html without the charset.
     */
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** The most events and forecasts a prediction's page shows, the latest; the API pages through all of them. */
    static final int RECENT = Page.DEFAULT_LIMIT;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(DeskHome.Home desk);

        static native TemplateInstance prediction(PredictionPage page);

        static native TemplateInstance reviews(ReviewsPage page);

        static native TemplateInstance speakers(Shown<SpeakerLine> speakers);

        static native TemplateInstance forecasters(Shown<ForecasterView> forecasters);

        static native TemplateInstance invalid(String what);

        static native TemplateInstance notFound(String what);

        static native TemplateInstance unauthorized();
    }

    /**
     * A prediction and its record, and what a person may do with it now: the forms (shown once a script is running
     * and a token pasted) send {@code etag} as If-Match, so a change made since the page was read is a 412, not a
     * silent overwrite.
     */
    public record PredictionPage(
            PredictionView p,
            SourceView source,
            Tail<EventView> history,
            EventView amended, // the latest AMENDED event, or null
            ForecastService.Recent forecasts,
            TrajectoryService.Reading trajectory,
            String unmeasurable,
            ReviewView review,
            String etag,
            LocalDate today,
            boolean forecastsOpen) {

        public List<Outcome> outcomes() {
            return List.of(Outcome.values());
        }

        /** Why a VOID resolution does not count: the form's choices, given with VOID only. */
        public List<VoidReason> voidReasons() {
            return List.of(VoidReason.values());
        }

        /** Whether the status machine allows this move now (RESOLVE, DEFER, WITHDRAW, REOPEN, RESTORE): its form shows. */
        public boolean can(String transition) {
            return StatusMachine.allows(p.status(), Transition.valueOf(transition));
        }
    }

    public record ReviewsPage(List<ReviewView> reviews, String assignee, String next) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    PredictionQueries predictions;

    @Inject
    DeskHome home;

    @Inject
    PredictionHistory history;

    @Inject
    ReviewService reviews;

    @Inject
    SourceService sources;

    @Inject
    ForecastService forecasts;

    @Inject
    TrajectoryService trajectories;

    @Inject
    SpeakerRecords speakers;

    @Inject
    CoverageQueries coverage;

    @Inject
    ForecasterRecords forecasters;

    @GET
    @RolesAllowed(Roles.READER)
    public TemplateInstance home(@QueryParam("after") String after, @QueryParam("before") String before) {
        return Templates.home(home.build(after, before));
    }

    @GET
    @Path("desk/predictions/{key}")
    @RolesAllowed(Roles.READER)
    public TemplateInstance prediction(@PathParam("key") String key) {
        PredictionView p = predictions.view(key);
        SourceView source = p.source() == null ? null : sources.find(p.source()).orElse(null);
        TrajectoryService.Reading trajectory = null;
        String unmeasurable = null;
        if (p.metric() != null
                && p.metric().baseline() != null
                && p.metric().baseline().value() != null
                && p.metric().baseline().on() != null) {
            try {
                trajectory = trajectories.read(key);
            } catch (Conflict e) {
                // Stored values the metric cannot carry: the page says so, without the trajectory and its chart.
                unmeasurable = e.getMessage();
            }
        }
        Instant now = Instant.now(clock);
        return Templates.prediction(new PredictionPage(
                p,
                source,
                history.latest(key, RECENT),
                history.latest(key, EventType.AMENDED),
                forecasts.latest(key, RECENT),
                trajectory,
                unmeasurable,
                reviews.openFor(key).orElse(null),
                ETags.of(p.version()),
                LocalDate.ofInstant(now, config.zone()),
                ForecastService.accepts(p.status(), p.dueAt(), now)));
    }

    /**
     * Any other page under /desk/ (files, which have a dot in their name, are served as files): a person who
     * mistyped a link gets a page that says so and leads back, not a problem document.
     */
    @GET
    @Path("desk/{page: [^.]*}")
    @RolesAllowed(Roles.READER)
    public RestResponse<String> noSuchPage(@PathParam("page") String page) {
        return notFound(new NotFound("page", "/desk/" + page));
    }

    @GET
    @Path("desk/reviews")
    @RolesAllowed(Roles.READER)
    public TemplateInstance reviews(@QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        Paged<ReviewView> page = reviews.queue(true, who, Cursor.decode(cursor), Page.DEFAULT_LIMIT);
        return Templates.reviews(
                new ReviewsPage(page.items(), who, page.nextAfter() == null ? null : Cursor.after(page.nextAfter())));
    }

    @GET
    @Path("desk/speakers")
    @RolesAllowed(Roles.READER)
    public TemplateInstance speakers() {
        Shown<SpeakerRow> shown =
                Shown.first(speakers.all(false).stream().map(SpeakerRow::of).toList(), SHOWN);
        Map<String, List<CoverageQueries.SpeakerSource>> sources = coverage.sourcesOf(shown.items().stream()
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .toList());
        return Templates.speakers(new Shown<>(
                shown.items().stream()
                        .map(s ->
                                SpeakerLine.of(s, sources.getOrDefault(s.name().toLowerCase(Locale.ROOT), List.of())))
                        .toList(),
                shown.total()));
    }

    @GET
    @Path("desk/forecasters")
    @RolesAllowed(Roles.READER)
    public TemplateInstance forecasters() {
        return Templates.forecasters(Shown.first(forecasters.ranked(0, false), SHOWN));
    }

    /** A link the desk did not make (a cursor typed in) gets a page that says which part is wrong. */
    @ServerExceptionMapper
    public RestResponse<String> invalid(InvalidInput e) {
        return invalidPage(e);
    }

    /** A person who follows a stale link gets a page saying so, not a problem document. */
    @ServerExceptionMapper
    public RestResponse<String> notFound(NotFound e) {
        return notFoundPage(e);
    }

    /**
     * With anonymous reads off, a browser has no way yet to send a token with a page request: the desk says so in
     * HTML rather than answering a person with a problem document.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<String> unauthorized() {
        return unauthorizedPage();
    }

    // The desk's other resources map the same exceptions (a mapper in a resource class is that class's own) to these.

    static RestResponse<String> invalidPage(InvalidInput e) {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.BAD_REQUEST,
                        Templates.invalid(e.getMessage()).render())
                .type(HTML)
                .build();
    }

    static RestResponse<String> notFoundPage(NotFound e) {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.NOT_FOUND,
                        Templates.notFound(e.getMessage()).render())
                .type(HTML)
                .build();
    }

    static RestResponse<String> unauthorizedPage() {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.UNAUTHORIZED,
                        Templates.unauthorized().render())
                .type(HTML)
                .header("WWW-Authenticate", "Bearer realm=\"hindsight\"")
                .build();
    }
}
