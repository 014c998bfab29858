package app.hindsight.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dates, instants and periods Hindsight accepts: those that come back unchanged from the database, from JSON
 * and from the calendar feed. Before 1900 lie year 0 (which JDBC turns into year 1) and the Julian calendar (JDBC
 * shifts dates before 1582-10-15 by ten days and more); after 9999, RFC 5545 has no way to write a year and many
 * JSON clients cannot read one. A period of review is at most a century, so the next review is always a date.
 * Every input goes through here: the JSON deserializers of {@code json.StrictJson} and the list's query filters.
 */
public final class Dates {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    public static final Period LONGEST = Period.ofYears(100);

    public static final String DATE_RULE = "must be a date like 2027-12-31, from " + MIN + " to " + MAX;
    public static final String INSTANT_RULE =
            "must be an instant like 2028-01-01T00:00:00Z, from " + MIN + "T00:00:00Z to " + MAX + "T23:59:59Z";
    public static final String PERIOD_RULE = "must be an ISO-8601 period like P6M, from P1D to P100Y";

    /** Four-digit years only: no sign, no spaces, no time of day. */
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private static final Pattern PERIOD = Pattern.compile("P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?");
    /** Periods are measured from here: P100Y, P1200M and P36525D are all a century long from 2000-01-01. */
    private static final LocalDate REFERENCE = LocalDate.of(2000, 1, 1);

    private Dates() {}

    /** The date this text is, when it is a plain ISO date in range; empty otherwise. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text)).filter(Dates::inRange);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    /** The instant this text is, when it is an ISO instant in range; empty otherwise. */
    public static Optional<Instant> instant(String text) {
        if (text == null || text.isEmpty() || Character.isWhitespace(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(text);
            boolean inRange = !instant.isBefore(MIN.atStartOfDay(ZoneOffset.UTC).toInstant())
                    && instant.isBefore(
                            MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            return inRange ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The period this text is, when it is from P1D to P100Y with no negative part; empty otherwise. */
    public static Optional<Period> period(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            Period period = Period.parse(text);
            // Each part on its own first, so that adding the period to a date cannot overflow.
            if (period.isZero()
                    || period.getYears() > 100
                    || period.getMonths() > 1200
                    || period.getDays() > 36525
                    || REFERENCE.plus(period).isAfter(REFERENCE.plus(LONGEST))) {
                return Optional.empty();
            }
            return Optional.of(period);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
