package app.hindsight.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.HindsightConfig;
import app.hindsight.prediction.model.FlagReason;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.store.DueList;
import app.hindsight.review.ReviewService;
import app.hindsight.review.ReviewView;
import app.hindsight.shared.Paged;
import app.hindsight.trackrecord.Stats;
import app.hindsight.trackrecord.StatsView;
import app.hindsight.trackrecord.TrackQueries;

/**
 * The desk's front page, from the services: one page of the DUE predictions (the longest overdue first, 50 a page,
 * with links to the pages on either side), the soonest of what comes due in the next 90 days, the latest
 * resolutions, the counts. Every part is bounded, whatever the number of predictions.
 */
@ApplicationScoped
public class DeskHome {

    /** How far ahead the desk's timeline looks. */
    static final Duration AHEAD = Duration.ofDays(90);

    /** DUE predictions a page of the desk lists; the links page on through all of them. */
    static final int DUE_PAGE = Paged.DEFAULT_LIMIT;

    /** The most predictions the timeline shows: the soonest; the API lists the rest. */
    static final int AHEAD_SHOWN = 100;

    static final int RECENT_RESOLUTIONS = 10;

    /**
     * The front page: a page of what needs a reviewer now (with the links to the pages before and after it, and how
     * many are due in all), what comes next, what was settled lately, the counts.
     */
    public record Home(
            List<DueRow> due,
            long dueCount,
            String next,
            String previous,
            boolean firstPage,
            List<Timeline.Month> ahead,
            boolean moreAhead,
            List<TrackQueries.Resolved> resolved,
            StatsView stats,
            List<Count> byStatus,
            LocalDate today) {}

    /** A DUE prediction, with how long it has waited, and its open review's reason and assignee. */
    public record DueRow(
            String key, String statement, FlagReason reason, LocalDate dueOn, Long daysOverdue, String assignee) {}

    public record Count(String label, long count) {}

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    DueList dueList;

    @Inject
    ReviewService reviews;

    @Inject
    Stats stats;

    /** The front page's model; {@code after} or {@code before} (a {@link DueCursor}) picks the page of due rows. */
    Home build(String after, String before) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        boolean backwards = before != null && !before.isEmpty();
        DueList.Slice page = backwards
                ? dueList.page(null, DueCursor.parse("before", before), DUE_PAGE)
                : dueList.page(DueCursor.parse("after", after), null, DUE_PAGE);
        List<DueList.Entry> entries = page.entries();
        Map<String, ReviewView> open =
                reviews.openFor(entries.stream().map(DueList.Entry::key).toList());
        List<DueRow> due = entries.stream()
                .map(e -> {
                    ReviewView r = open.get(e.key());
                    long overdue = Math.max(0, ChronoUnit.DAYS.between(e.on(), today));
                    return new DueRow(
                            e.key(),
                            e.statement(),
                            r == null ? null : r.reason(),
                            e.on(),
                            overdue,
                            r == null ? null : r.assignee());
                })
                .toList();
        boolean firstPage = backwards ? !page.more() : after == null || after.isEmpty();
        String next = null;
        String previous = null;
        if (!entries.isEmpty()) {
            next = backwards || page.more()
                    ? DueCursor.of(entries.get(entries.size() - 1).mark())
                    : null;
            previous = firstPage ? null : DueCursor.of(entries.get(0).mark());
        } else if (!firstPage) {
            // Past the end (the last rows were settled meanwhile): back from where this page would have started.
            previous = backwards ? null : after;
        }

        DueList.Upcoming ahead = dueList.comingDue(now, now.plus(AHEAD), AHEAD_SHOWN);
        StatsView counts = stats.now(false);
        List<Count> byStatus = counts.byStatus().entrySet().stream()
                .map(e -> new Count(e.getKey().name(), e.getValue()))
                .toList();
        return new Home(
                due,
                counts.byStatus().getOrDefault(Status.DUE, 0L),
                next,
                previous,
                firstPage,
                Timeline.byMonth(ahead.predictions(), config.zone()),
                ahead.more(),
                stats.recentResolutions(RECENT_RESOLUTIONS),
                counts,
                byStatus,
                today);
    }
}
