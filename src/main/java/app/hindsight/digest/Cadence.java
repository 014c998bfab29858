package app.hindsight.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** How often a subscriber hears: a digest every morning, or on Monday mornings. */
public enum Cadence {
    DAILY,
    WEEKLY;

    /** Whether a digest of this cadence is sent on this day (in hindsight.zone). */
    public boolean sendsOn(LocalDate day) {
        return this == DAILY || day.getDayOfWeek() == DayOfWeek.MONDAY;
    }

    /**
     * The period a digest sent on this day belongs to: the day (2031-03-05), or its ISO week (2031-W10). A
     * subscriber gets at most one digest per period; it is the digest's unique key and part of its Message-ID.
     */
    public String period(LocalDate day) {
        if (this == DAILY) {
            return day.toString();
        }
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
