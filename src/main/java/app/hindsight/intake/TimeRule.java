package app.hindsight.intake;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Precision;

/**
 * How a time expression becomes a target, relative to the source's date. A time lexicon line names one of these
 * (with an optional {@code :N} argument) and a pattern; the pattern's named groups {@code year}, {@code month},
 * {@code quarter}, {@code day} and {@code n} feed the rule, the argument stands in for a missing {@code n}. The
 * target's date is the last day of the window, as for a prediction.
 */
enum TimeRule {
    /** by 2030, by the end of 2027, 到2027年底: the end of the named year. */
    YEAR_END {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            int year = Integer.parseInt(m.group("year"));
            return new Target(LocalDate.of(year, 12, 31), Precision.YEAR, Basis.EXPLICIT, "by the end of " + year);
        }
    },
    /** by June 2027, 2027年6月底. */
    MONTH_END {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group("year")), month(m.group("month")));
            return new Target(
                    month.atEndOfMonth(), Precision.MONTH, Basis.EXPLICIT, "by the end of " + monthName(month));
        }
    },
    /** by Q3 2026, 2026年第三季. */
    QUARTER_END {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            int quarter = Numbers.parse(m.group("quarter"));
            YearMonth last = YearMonth.of(Integer.parseInt(m.group("year")), quarter * 3);
            return new Target(
                    last.atEndOfMonth(),
                    Precision.QUARTER,
                    Basis.EXPLICIT,
                    "by the end of Q" + quarter + " " + last.getYear());
        }
    },
    /** on 1 March 2027, 2027年3月1日. */
    DAY {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            LocalDate day = LocalDate.of(
                    Integer.parseInt(m.group("year")), month(m.group("month")), Integer.parseInt(m.group("day")));
            return new Target(day, Precision.DAY, Basis.EXPLICIT, "on " + day);
        }
    },
    /** this year (0), next year (1), 今年底, 明年, 後年: the end of the source's year plus N. */
    YEAR_OFFSET {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            int year = said.getYear() + n;
            String which = n == 0 ? "this year" : n == 1 ? "next year" : n + " years after the source's";
            return new Target(
                    LocalDate.of(year, 12, 31),
                    Precision.YEAR,
                    Basis.EXPLICIT,
                    "by the end of " + which + " (" + year + ")");
        }
    },
    /** by the end of this decade (0), of the next decade (1): the decade's last year, read as a year. */
    DECADE_END {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            int year = said.getYear() / 10 * 10 + 10 * n + 9;
            return new Target(
                    LocalDate.of(year, 12, 31),
                    Precision.YEAR,
                    Basis.INFERRED,
                    "\"" + m.group() + "\" read as the end of " + year + ", the decade's last year");
        }
    },
    /** within 5 years, in another couple of years, 未來30年: the end of the year N years after the source's date. */
    YEARS_AHEAD {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            int year = said.plusYears(n).getYear();
            return new Target(
                    LocalDate.of(year, 12, 31),
                    Precision.YEAR,
                    Basis.INFERRED,
                    "\"" + m.group() + "\" read as " + n + " year" + (n == 1 ? "" : "s")
                            + " after the source's date, to the end of " + year);
        }
    },
    /** within six months, 半年內: the end of the month N months after the source's date. */
    MONTHS_AHEAD {
        @Override
        Target target(Matcher m, int n, LocalDate said) {
            YearMonth month = YearMonth.from(said.plusMonths(n));
            return new Target(
                    month.atEndOfMonth(),
                    Precision.MONTH,
                    Basis.INFERRED,
                    "\"" + m.group() + "\" read as " + n + " month" + (n == 1 ? "" : "s")
                            + " after the source's date, to the end of " + monthName(month));
        }
    };

    /** The target, or null when the numbers make no date (month 13, no count). */
    Target resolve(Matcher m, int argument, LocalDate said) {
        try {
            int n = argument;
            if (hasGroup(m, "n")) {
                n = Numbers.parse(m.group("n"));
            }
            if (n < 0 && countsFromSource()) {
                return null;
            }
            return target(m, n, said);
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    abstract Target target(Matcher m, int n, LocalDate said);

    /** The rules that need a count N (from the words or the entry's argument); the others read a named date. */
    private boolean countsFromSource() {
        return this == YEAR_OFFSET || this == DECADE_END || this == YEARS_AHEAD || this == MONTHS_AHEAD;
    }

    /** True when the pattern has the group and it took part in the match. */
    private static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException noSuchGroup) {
            return false;
        }
    }

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    private static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + month.getYear();
    }

    /** German month names that do not start as the English ones do (März, Mai, Oktober, Dezember), by number. */
    private static final Map<String, Integer> GERMAN_MONTHS = Map.of("mär", 3, "mai", 5, "okt", 10, "dez", 12);

    static int month(String words) {
        String w = words.strip().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (w.startsWith(MONTHS[i])) {
                return i + 1;
            }
        }
        for (Map.Entry<String, Integer> german : GERMAN_MONTHS.entrySet()) {
            if (w.startsWith(german.getKey())) {
                return german.getValue();
            }
        }
        return Numbers.parse(w);
    }
}
