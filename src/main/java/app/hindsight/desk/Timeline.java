package app.hindsight.desk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import app.hindsight.prediction.model.PredictionView;

/** The desk's look ahead: predictions grouped by the month of their target date, earliest first. */
public final class Timeline {

    /** A month and what falls due in it, by target date. */
    public record Month(String label, List<Entry> entries) {}

    /** One prediction on the timeline: its key, statement, the day it should have come true, and the target's words. */
    public record Entry(String key, String statement, LocalDate on, String label, String speaker) {}

    private Timeline() {}

    /**
     * Groups predictions by the month of their target date (the last day they may come true), or of the day before
     * their dueAt in {@code zone} when they have no target date. Predictions with neither are left out.
     */
    static List<Month> byMonth(List<PredictionView> predictions, ZoneId zone) {
        Map<YearMonth, List<Entry>> months = new TreeMap<>();
        for (PredictionView p : predictions) {
            LocalDate on = p.target() != null && p.target().date() != null
                    ? p.target().date()
                    : p.dueAt() == null
                            ? null
                            : LocalDate.ofInstant(p.dueAt(), zone).minusDays(1);
            if (on == null) {
                continue;
            }
            months.computeIfAbsent(YearMonth.from(on), m -> new ArrayList<>())
                    .add(new Entry(
                            p.key(),
                            p.statement(),
                            on,
                            p.target() == null ? null : p.target().label(),
                            p.speaker()));
        }
        List<Month> timeline = new ArrayList<>();
        months.forEach((month, entries) -> {
            entries.sort(Comparator.comparing(Entry::on).thenComparing(Entry::key));
            timeline.add(new Month(
                    month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear(), entries));
        });
        return timeline;
    }
}
