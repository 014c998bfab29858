package app.hindsight.calendar;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Quote;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.Target;
import app.hindsight.prediction.store.PredictionFilter;
import app.hindsight.prediction.store.PredictionQueries;
import app.hindsight.time.Dates;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar feed: one all-day event per open or due prediction whose day falls in the window, on its target
 * date, or for an undated prediction on its next review date. Everything in it comes from the stored predictions and
 * the window, never from the time of the request, so the same data and window give the same bytes and a calendar
 * app sees no change where there was none (the default window moves once a day).
 */
@ApplicationScoped
public class CalendarFeed {

    static final String PRODID = "-//Hindsight//Predictions//EN";
    static final String NAME = "Hindsight: predictions coming due";
    static final String UID_DOMAIN = "@hindsight";
    static final String REVIEW_PREFIX = "Review: ";
    /** Only these are still waiting for the world (or a reviewer); resolved and withdrawn ones are done. */
    static final Set<Status> LISTED = EnumSet.of(Status.OPEN, Status.DUE);
    /** A hint to subscribers; target dates change rarely. */
    static final Duration REFRESH = Duration.ofHours(6);

    private static final int BATCH = 500;

    @Inject
    PredictionQueries predictions;

    /**
     * The calendar of the filter's matches that are OPEN or DUE and whose day (target date, or next review date)
     * falls in the window. {@code base} is the service's base URI, for each event's URL. The window's predictions are
     * found first, from the indexes on (status, dueAt) and (status, nextReviewOn); the filter's matches among them
     * are then read in id-ordered batches, each in its own short transaction that examines at most
     * hindsight.list.scan-budget predictions (see {@link PredictionQueries#batch}).
     */
    public Calendar build(PredictionFilter filter, CalendarWindow window, URI base) {
        List<CalendarComponent> events = new ArrayList<>();
        PredictionFilter listed = onlyListed(filter);
        long[] within =
                listed == null ? new long[0] : predictions.idsOnDays(listed.statuses(), window.from(), window.to());
        if (within.length > 0) {
            long after = 0;
            while (true) {
                PredictionQueries.Batch batch = predictions.batch(listed, after, BATCH, within);
                for (PredictionView p : batch.items()) {
                    VEvent event = event(p, base);
                    // The day as read with the row: one moved out of the window since the ids were read stays out.
                    if (event != null && window.contains(day(p))) {
                        events.add(event);
                    }
                }
                if (batch.last()) {
                    break;
                }
                after = batch.resumeAfter();
            }
        }
        // ical4j's lists are immutable and add() copies: build each list once.
        return new Calendar(new PropertyList(calendarProperties(window)), new ComponentList<>(events));
    }

    /** The filter with its statuses cut down to OPEN and DUE; null when nothing can be left. */
    static PredictionFilter onlyListed(PredictionFilter f) {
        List<Status> statuses;
        if (f.statuses().isEmpty()) {
            statuses = List.copyOf(LISTED);
        } else {
            statuses = f.statuses().stream().filter(LISTED::contains).distinct().toList();
            if (statuses.isEmpty()) {
                return null;
            }
        }
        return f.withStatuses(statuses);
    }

    private static List<Property> calendarProperties(CalendarWindow window) {
        List<Property> props = new ArrayList<>();
        props.add(new ProdId(PRODID));
        props.add(ImmutableVersion.VERSION_2_0);
        props.add(ImmutableCalScale.GREGORIAN);
        props.add(new XProperty("X-WR-CALNAME", NAME));
        props.add(new XProperty("X-WR-CALDESC", description(window)));
        props.add(new RefreshInterval(new ParameterList(List.<Parameter>of(Value.DURATION)), REFRESH));
        props.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        return props;
    }

    /** What the calendar holds, and which days: a subscriber sees the window in the app's calendar settings. */
    static String description(CalendarWindow window) {
        return "Open and due predictions tracked by Hindsight, each on the day its target window ends (or its next "
                + "review), from " + window.from() + " to " + window.to();
    }

    /** The day of a prediction's event: its target date, or its next review date; null when it has neither. */
    static LocalDate day(PredictionView p) {
        LocalDate targetDate = p.target() == null ? null : p.target().date();
        return targetDate != null ? targetDate : p.nextReviewOn();
    }

    /** The event of one prediction, or null when it has neither a target date nor a review date. */
    static VEvent event(PredictionView p, URI base) {
        LocalDate targetDate = p.target() == null ? null : p.target().date();
        LocalDate day = day(p);
        if (day == null) {
            return null;
        }
        String summary = (targetDate != null ? "" : REVIEW_PREFIX) + text(p.statement());
        List<Property> props = new ArrayList<>();
        props.add(new Uid(p.key() + UID_DOMAIN));
        // The prediction's last change, not the wall clock: the feed is the same until the data changes.
        props.add(new DtStamp(p.updatedAt()));
        props.add(new LastModified(p.updatedAt()));
        props.add(new DtStart<>(day));
        if (day.isBefore(Dates.MAX)) {
            props.add(new DtEnd<>(day.plusDays(1)));
        } else {
            // The day after 9999-12-31 has no RFC 5545 form; a one-day duration says the same.
            props.add(new net.fortuna.ical4j.model.property.Duration(java.time.Period.ofDays(1)));
        }
        props.add(new Summary(summary));
        props.add(new Description(description(p)));
        if (p.topics() != null && !p.topics().isEmpty()) {
            props.add(new Categories(new TextList(p.topics())));
        }
        props.add(ImmutableStatus.VEVENT_CONFIRMED);
        // A day on which something comes due is not a busy day.
        props.add(ImmutableTransp.TRANSPARENT);
        if (base != null) {
            props.add(new Url(base.resolve(path(p))));
        }
        return new VEvent(new PropertyList(props));
    }

    static String path(PredictionView p) {
        return "api/v1/predictions/" + p.key();
    }

    private static String description(PredictionView p) {
        StringBuilder d = new StringBuilder();
        field(d, "Speaker", p.speaker());
        field(d, "Source", p.source());
        field(d, "Status", p.status() == null ? null : p.status().name());
        field(d, "Target", target(p));
        if (p.reviewEvery() != null) {
            field(d, "Review every", p.reviewEvery().toString());
        }
        if (p.nextReviewOn() != null) {
            field(d, "Next review", p.nextReviewOn().toString());
        }
        Quote q = p.quote();
        if (q != null) {
            List<String> where = new ArrayList<>();
            if (q.lang() != null) {
                where.add(q.lang());
            }
            if (q.locator() != null) {
                where.add(q.locator());
            }
            field(d, where.isEmpty() ? "Quote" : "Quote (" + String.join(", ", where) + ")", q.text());
        }
        field(d, "Resolution criteria", p.resolutionCriteria());
        field(d, "API", "/" + path(p));
        return d.toString();
    }

    private static String target(PredictionView p) {
        Target t = p.target();
        if (t == null || t.date() == null) {
            return "none (reviewed periodically)";
        }
        StringBuilder s = new StringBuilder();
        if (t.label() != null && !t.label().isBlank()) {
            s.append(t.label()).append(" (");
        }
        s.append(t.date());
        if (t.precision() != null) {
            s.append(", ").append(t.precision());
        }
        if (t.basis() != null) {
            s.append(", ").append(t.basis());
        }
        if (t.label() != null && !t.label().isBlank()) {
            s.append(')');
        }
        return s.toString();
    }

    private static void field(StringBuilder d, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!d.isEmpty()) {
            d.append('\n');
        }
        d.append(name).append(": ").append(text(value));
    }

    /**
     * Text as RFC 5545 allows it: line breaks become one LF (ical4j escapes it as \n but passes a bare CR
     * through, which would end the content line), other control characters are dropped.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String normalised = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !(Character.isISOControl(c))) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
