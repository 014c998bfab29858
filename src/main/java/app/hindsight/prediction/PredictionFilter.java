package app.hindsight.prediction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import app.hindsight.web.ApiException;
import app.hindsight.web.Problem.FieldError;
import io.quarkus.panache.common.Parameters;

/**
 * The list's filters, parsed from query parameters by hand so that a bad value is a 400 naming the
 * parameter rather than JAX-RS's 404.
 */
public record PredictionFilter(List<Status> statuses, Kind kind, String topic, String speaker, String source,
        Instant dueBefore, Instant dueAfter, String q) {

    public static PredictionFilter parse(MultivaluedMap<String, String> query, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (String value : query.getOrDefault("status", List.of())) {
            for (String s : value.split(",")) {
                Status status = enumValue(Status.class, "status", s.strip(), errors);
                if (status != null) {
                    statuses.add(status);
                }
            }
        }
        Kind kind = enumValue(Kind.class, "kind", query.getFirst("kind"), errors);
        Instant dueBefore = instant("dueBefore", query.getFirst("dueBefore"), zone, errors);
        Instant dueAfter = instant("dueAfter", query.getFirst("dueAfter"), zone, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PredictionFilter(statuses, kind, blankToNull(query.getFirst("topic")),
                blankToNull(query.getFirst("speaker")), blankToNull(query.getFirst("source")), dueBefore, dueAfter,
                blankToNull(query.getFirst("q")));
    }

    /** JPQL for the matches after a given id, in id order; parameters filled into {@code params}. */
    String where(Parameters params) {
        StringBuilder jpql = new StringBuilder("id > :after");
        if (!statuses.isEmpty()) {
            jpql.append(" and status in :statuses");
            params.and("statuses", statuses);
        }
        if (kind != null) {
            jpql.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (topic != null) {
            jpql.append(" and :topic member of topics");
            params.and("topic", topic.toLowerCase(Locale.ROOT));
        }
        if (speaker != null) {
            jpql.append(" and speaker = :speaker");
            params.and("speaker", speaker);
        }
        if (source != null) {
            jpql.append(" and source = :source");
            params.and("source", source);
        }
        if (dueBefore != null) {
            jpql.append(" and dueAt < :dueBefore");
            params.and("dueBefore", dueBefore);
        }
        if (dueAfter != null) {
            jpql.append(" and dueAt >= :dueAfter");
            params.and("dueAfter", dueAfter);
        }
        if (q != null) {
            jpql.append(" and (lower(statement) like :q escape '!' or lower(quoteText) like :q escape '!')");
            String escaped = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.and("q", "%" + escaped + "%");
        }
        return jpql.append(" order by id").toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            errors.add(new FieldError(field, "'" + value + "' must be one of " + String.join(", ", names)));
            return null;
        }
    }

    /** A date (start of that day in the zone) or an instant. */
    private static Instant instant(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "'" + value + "' must be a date like 2027-12-31 or an instant like 2028-01-01T00:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
