package app.hindsight.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import app.hindsight.HindsightConfig;
import app.hindsight.domain.Conflict;
import app.hindsight.domain.NotFound;
import app.hindsight.domain.Paged;
import app.hindsight.domain.Tail;
import app.hindsight.forecast.ForecastService;
import app.hindsight.forecast.ForecasterRecords;
import app.hindsight.forecast.ForecasterView;
import app.hindsight.prediction.EventView;
import app.hindsight.prediction.FlagReason;
import app.hindsight.prediction.Outcome;
import app.hindsight.prediction.PredictionFilter;
import app.hindsight.prediction.PredictionHistory;
import app.hindsight.prediction.PredictionQueries;
import app.hindsight.prediction.PredictionView;
import app.hindsight.prediction.Status;
import app.hindsight.prediction.StatusMachine;
import app.hindsight.prediction.Transition;
import app.hindsight.review.ReviewService;
import app.hindsight.review.ReviewView;
import app.hindsight.security.Roles;
import app.hindsight.source.SourceService;
import app.hindsight.source.SourceView;
import app.hindsight.track.SpeakerRecords;
import app.hindsight.track.SpeakerRow;
import app.hindsight.track.Stats;
import app.hindsight.track.StatsView;
import app.hindsight.track.TrackQueries;
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

    /** How far ahead the desk's timeline looks. */
    static final Duration AHEAD = Duration.ofDays(90);

    /** The most rows a section of the desk shows; the queue and the API page on. */
    static final int SHOWN = Page.MAX_LIMIT;

    static final int RECENT_RESOLUTIONS = 10;

    /**
     * The type of the pages an exception mapper builds: they are rendered there, since a TemplateInstance in a built
     * response goes out as text/html without the charset.
     */
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** The most events and forecasts a prediction's page shows, the latest; the API pages through all of them. */
    static final int RECENT = Page.DEFAULT_LIMIT;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Home desk);

        static native TemplateInstance prediction(PredictionPage page);

        static native TemplateInstance reviews(ReviewsPage page);

        static native TemplateInstance speakers(List<SpeakerRow> speakers);

        static native TemplateInstance forecasters(List<ForecasterView> forecasters);

        static native TemplateInstance notFound(String what);

        static native TemplateInstance unauthorized();
    }

    /** The front page: what needs a reviewer now, what comes next, what was settled lately, the counts. */
    public record Home(
            List<DueRow> due,
            boolean moreDue,
            List<Timeline.Month> ahead,
            boolean moreAhead,
            List<TrackQueries.Resolved> resolved,
            StatsView stats,
            List<Count> byStatus,
            LocalDate today) {}

    /** A DUE prediction or an open review, with how long it has waited and who has it. */
    public record DueRow(
            String key, String statement, FlagReason reason, LocalDate dueOn, Long daysOverdue, String assignee) {}

    public record Count(String label, long count) {}

    /**
     * A prediction and its record, and what a person may do with it now: the forms (shown once a script is running
     * and a token pasted) send {@code etag} as If-Match, so a change made since the page was read is a 412, not a
     * silent overwrite.
     */
    public record PredictionPage(
            PredictionView p,
            SourceView source,
            Tail<EventView> history,
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
    ForecasterRecords forecasters;

    @Inject
    Stats stats;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(hidden = true)
    public TemplateInstance home() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, config.zone());

        Paged<ReviewView> open = reviews.queue(true, null, 0, SHOWN);
        // A batch, not a page: it stops at the scan budget rather than refusing, and the desk says there is more.
        PredictionQueries.Batch dueNow = predictions.batch(filter(Status.DUE, null, null), 0, SHOWN);
        List<DueRow> due = new ArrayList<>();
        Set<String> reviewed = open.items().stream().map(ReviewView::prediction).collect(Collectors.toSet());
        for (ReviewView r : open.items()) {
            due.add(new DueRow(r.prediction(), r.statement(), r.reason(), r.dueOn(), r.daysOverdue(), r.assignee()));
        }
        for (PredictionView p : dueNow.items()) {
            if (!reviewed.contains(p.key())) {
                due.add(new DueRow(p.key(), p.statement(), null, p.nextReviewOn(), null, null));
            }
        }
        due.sort(Comparator.comparing(DueRow::daysOverdue, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DueRow::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));

        PredictionQueries.Batch ahead = predictions.batch(filter(Status.OPEN, now, now.plus(AHEAD)), 0, SHOWN);
        StatsView counts = stats.now();
        List<Count> byStatus = counts.byStatus().entrySet().stream()
                .map(e -> new Count(e.getKey().name(), e.getValue()))
                .toList();
        return Templates.home(new Home(
                due,
                open.nextAfter() != null || !dueNow.last(),
                Timeline.byMonth(ahead.items(), config.zone()),
                !ahead.last(),
                stats.recentResolutions(RECENT_RESOLUTIONS),
                counts,
                byStatus,
                today));
    }

    @GET
    @Path("desk/predictions/{key}")
    @RolesAllowed(Roles.READER)
    @Operation(hidden = true)
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
    @Operation(hidden = true)
    public RestResponse<String> noSuchPage(@PathParam("page") String page) {
        return notFound(new NotFound("page", "/desk/" + page));
    }

    @GET
    @Path("desk/reviews")
    @RolesAllowed(Roles.READER)
    @Operation(hidden = true)
    public TemplateInstance reviews(@QueryParam("assignee") String assignee, @QueryParam("cursor") String cursor) {
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        Paged<ReviewView> page = reviews.queue(true, who, Cursor.decode(cursor), Page.DEFAULT_LIMIT);
        return Templates.reviews(
                new ReviewsPage(page.items(), who, page.nextAfter() == null ? null : Cursor.after(page.nextAfter())));
    }

    @GET
    @Path("desk/speakers")
    @RolesAllowed(Roles.READER)
    @Operation(hidden = true)
    public TemplateInstance speakers() {
        return Templates.speakers(speakers.all().stream().map(SpeakerRow::of).toList());
    }

    @GET
    @Path("desk/forecasters")
    @RolesAllowed(Roles.READER)
    @Operation(hidden = true)
    public TemplateInstance forecasters() {
        return Templates.forecasters(forecasters.ranked(0));
    }

    /** A person who follows a stale link gets a page saying so, not a problem document. */
    @ServerExceptionMapper
    public RestResponse<String> notFound(NotFound e) {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.NOT_FOUND,
                        Templates.notFound(e.getMessage()).render())
                .type(HTML)
                .build();
    }

    /**
     * With anonymous reads off, a browser has no way yet to send a token with a page request: the desk says so in
     * HTML rather than answering a person with a problem document.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<String> unauthorized() {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.UNAUTHORIZED,
                        Templates.unauthorized().render())
                .type(HTML)
                .header("WWW-Authenticate", "Bearer realm=\"hindsight\"")
                .build();
    }

    private static PredictionFilter filter(Status status, Instant dueAfter, Instant dueBefore) {
        return new PredictionFilter(List.of(status), null, null, null, null, dueBefore, dueAfter, null);
    }
}
