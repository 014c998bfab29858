package app.hindsight.desk;

import java.time.LocalDate;
import java.util.Optional;

import app.hindsight.prediction.store.DueList;
import app.hindsight.shared.InvalidInput;
import app.hindsight.shared.Keys;
import app.hindsight.time.Dates;

/**
 * The desk's place in the list of DUE predictions, as a link carries it: the day and the key of a row,
 * {@code 2026-01-01.some-key} (keys have no dots). Readable, since it is no secret and a person may share the link.
 */
final class DueCursor {

    private DueCursor() {}

    static String of(DueList.Mark mark) {
        return mark.on() + "." + mark.key();
    }

    /** The mark in {@code value}, none when it is absent; a value the desk did not make is an error naming the parameter. */
    static DueList.Mark parse(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int dot = value.indexOf('.');
        Optional<LocalDate> on = dot < 0 ? Optional.empty() : Dates.date(value.substring(0, dot));
        String key = dot < 0 ? "" : value.substring(dot + 1);
        if (on.isEmpty() || !key.matches(Keys.SLUG)) {
            throw InvalidInput.of(parameter, "'" + value + "' is not a place in the list of due predictions");
        }
        return new DueList.Mark(on.get(), key);
    }
}
