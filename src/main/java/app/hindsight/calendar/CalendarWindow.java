package app.hindsight.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.hindsight.shared.FieldError;
import app.hindsight.shared.InvalidInput;
import app.hindsight.time.Dates;

/**
 * The days a calendar feed covers, both included. Without {@code from} and {@code to} it is the configured window
 * around today; a bound a request leaves out keeps its default. A request may not ask for more than the longest
 * window: a feed of every prediction ever made grows without end, and a calendar app asks for it every few hours.
 */
public record CalendarWindow(LocalDate from, LocalDate to) {

    /** The window the query asks for, or an {@link InvalidInput} naming from or to. */
    public static CalendarWindow parse(
            Map<String, List<String>> query, LocalDate today, Period past, Period ahead, Period longest) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(query, "from", errors);
        LocalDate to = date(query, "to", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        LocalDate start = from != null ? from : today.minus(past);
        LocalDate end = to != null ? to : today.plus(ahead);
        if (from == null && to == null) {
            return new CalendarWindow(start, end);
        }
        // The parameter the request gave (to when both): the one to change.
        String field = to != null ? "to" : "from";
        if (end.isBefore(start)) {
            throw InvalidInput.of(field, "the window would end on " + end + ", before it starts on " + start);
        }
        if (end.isAfter(start.plus(longest))) {
            throw InvalidInput.of(
                    field,
                    "the window from " + start + " to " + end + " is longer than " + longest
                            + "; ask for several shorter ones");
        }
        return new CalendarWindow(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** As ISO 8601 writes an interval of dates: {@code 2026-09-08/2027-12-07}. */
    @Override
    public String toString() {
        return from + "/" + to;
    }

    private static LocalDate date(Map<String, List<String>> query, String field, List<FieldError> errors) {
        List<String> values = query.get(field);
        String value = values == null || values.isEmpty() ? null : values.get(0);
        if (value == null || value.isBlank()) {
            return null;
        }
        return Dates.date(value.strip()).orElseGet(() -> {
            errors.add(new FieldError(field, "'" + value + "' " + Dates.DATE_RULE));
            return null;
        });
    }
}
