package app.hindsight.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the desk's templates write numbers, instants and names: {@code {fmt:percent(x)}}; null prints a dash. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final String NONE = "–";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {}

    /** 0.625 as "63%". */
    static String percent(Double share) {
        return share == null || !Double.isFinite(share) ? NONE : Math.round(share * 100) + "%";
    }

    /** Two decimals, as the API's figures are read. */
    static String decimal(Double value) {
        return value == null || !Double.isFinite(value) ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A number as written, without a trailing ".0" and without an exponent. */
    static String number(Double value) {
        return value == null || !Double.isFinite(value)
                ? NONE
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** An instant to the minute, in UTC (the API's instants are UTC too). */
    static String minute(Instant at) {
        return at == null ? NONE : MINUTE.format(at);
    }

    /** An enum's name as words: PARTIALLY_CORRECT as "partially correct". */
    static String words(Enum<?> value) {
        return value == null ? NONE : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A name made safe as one segment of a path (a forecaster's in the calibration chart's URL). */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
