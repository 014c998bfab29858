package app.hindsight.prediction.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Direction;
import app.hindsight.prediction.model.EventType;
import app.hindsight.prediction.model.EvidenceConverter;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Metric;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.PeriodConverter;
import app.hindsight.prediction.model.Precision;
import app.hindsight.prediction.model.Prediction;
import app.hindsight.prediction.model.Quote;
import app.hindsight.prediction.model.Scale;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.Target;
import app.hindsight.prediction.model.Verdict;
import app.hindsight.prediction.model.VerdictState;
import app.hindsight.prediction.model.VoidReason;

/**
 * A {@link Prediction} as rows: the prediction's columns, its topics and its CREATED event. What the imports' JDBC
 * batches write ({@link PredictionInserts}) and what a read by key reads ({@link PredictionQueries#json}), and the one
 * place that maps the entity's fields to columns for them; it must write and read exactly what Hibernate does with the
 * entity (PredictionRowTest compares them). A column added to the entity is added here too.
 */
final class PredictionRow {

    private PredictionRow() {}

    /** The prediction's columns, in the order {@link #bind} binds and {@link #read} reads them. */
    private static final String COLUMNS = "id, slug, statement, kind, speaker, speaker_lower, source_key, made_on, "
            + "quote_text, quote_lang, quote_locator, target_date, target_precision, target_basis, target_label, "
            + "review_every, due_at, next_review_on, resolution_criteria, metric_name, metric_unit, metric_baseline_value, "
            + "metric_baseline_on, metric_target, metric_direction, metric_scale, status, outcome, void_reason, "
            + "resolved_on, known_on, resolution_note, resolution_evidence, resolved_by, resolved_at, closes_at, verdict_state, final_at, created_at, updated_at, version";

    private static final int COLUMN_COUNT = COLUMNS.split(",").length;

    static final String INSERT =
            "insert into prediction (" + COLUMNS + ") values (?" + ", ?".repeat(COLUMN_COUNT - 1) + ")";

    /** Predictions with their topics, in one statement (so one snapshot): a row per topic, or one with none. */
    private static final String SELECT = "select " + COLUMNS.replaceAll("(^|, )", "$1p.")
            + ", t.topic from prediction p " + "left join prediction_topic t on t.prediction_id = p.id where ";

    /** The prediction with this key, for {@link #readAll}. */
    static final String SELECT_BY_KEY = SELECT + "p.slug = ? order by t.topic";

    /**
     * The predictions with these ids, in id order, with their topics: two statements, each read through an index on
     * both databases (one joining the topics with an IN list made PostgreSQL hash the whole topic table: 16 ms a page
     * at 100k, a second at 1M). In the caller's transaction.
     */
    static List<Prediction> readByIds(Connection connection, List<Long> ids, int timeoutSeconds) throws SQLException {
        Map<Long, Prediction> read = rowsByIds(connection, ids, timeoutSeconds);
        try (PreparedStatement select = connection.prepareStatement("select prediction_id, topic from prediction_topic "
                + "where prediction_id in " + in(ids) + " order by prediction_id, topic")) {
            select.setQueryTimeout(timeoutSeconds);
            bindIds(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Prediction p = read.get(rows.getLong(1));
                    if (p != null) {
                        p.topics.add(rows.getString(2));
                    }
                }
            }
        }
        return new ArrayList<>(read.values());
    }

    /** As {@link #readByIds} without their topics (left empty): for a write that does not touch them. */
    static List<Prediction> readRowsByIds(Connection connection, List<Long> ids, int timeoutSeconds)
            throws SQLException {
        return new ArrayList<>(rowsByIds(connection, ids, timeoutSeconds).values());
    }

    private static Map<Long, Prediction> rowsByIds(Connection connection, List<Long> ids, int timeoutSeconds)
            throws SQLException {
        Map<Long, Prediction> read = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from prediction where id in " + in(ids) + " order by id")) {
            select.setQueryTimeout(timeoutSeconds);
            bindIds(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Prediction p = read(rows);
                    read.put(p.id, p);
                }
            }
        }
        return read;
    }

    private static String in(List<Long> ids) {
        return "(?" + ", ?".repeat(ids.size() - 1) + ")";
    }

    private static void bindIds(PreparedStatement s, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            s.setLong(i + 1, ids.get(i));
        }
    }

    /** The due scan's flag: status and review date, with the version it read checked and bumped. */
    static final String UPDATE_FLAG = "update prediction set status = ?, next_review_on = ?, updated_at = ?, "
            + "version = ? where id = ? and version = ?";

    /** Binds {@link #UPDATE_FLAG} for a prediction read at {@code p.version} and flagged in memory. */
    static void bindFlag(PreparedStatement s, Prediction p, Instant now) throws SQLException {
        s.setString(1, p.status.name());
        date(s, 2, p.nextReviewOn);
        instant(s, 3, now);
        s.setLong(4, p.version + 1);
        s.setLong(5, p.id);
        s.setLong(6, p.version);
    }

    static final String INSERT_TOPIC = "insert into prediction_topic (prediction_id, topic) values (?, ?)";

    static final String INSERT_EVENT = "insert into prediction_event (id, prediction_key, type, at, actor, note, "
            + "reason, details) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final PeriodConverter PERIODS = new PeriodConverter();
    private static final EvidenceConverter EVIDENCE = new EvidenceConverter();

    /** Binds {@code p}'s columns, in {@link #INSERT}'s order; its id must be set. */
    static void bind(PreparedStatement s, Prediction p) throws SQLException {
        int i = 0;
        s.setLong(++i, p.id);
        string(s, ++i, p.key);
        string(s, ++i, p.statement);
        string(s, ++i, name(p.kind));
        string(s, ++i, p.speaker);
        string(s, ++i, p.speakerLower);
        string(s, ++i, p.source);
        date(s, ++i, p.madeOn);
        Quote quote = p.quote;
        string(s, ++i, quote == null ? null : quote.text());
        string(s, ++i, quote == null ? null : quote.lang());
        string(s, ++i, quote == null ? null : quote.locator());
        Target target = p.target;
        date(s, ++i, target == null ? null : target.date());
        string(s, ++i, target == null ? null : name(target.precision()));
        string(s, ++i, target == null ? null : name(target.basis()));
        string(s, ++i, target == null ? null : target.label());
        string(s, ++i, p.reviewEvery == null ? null : PERIODS.convertToDatabaseColumn(p.reviewEvery));
        instant(s, ++i, p.dueAt);
        date(s, ++i, p.nextReviewOn);
        string(s, ++i, p.resolutionCriteria);
        Metric metric = p.metric;
        Metric.Baseline baseline = metric == null ? null : metric.baseline();
        string(s, ++i, metric == null ? null : metric.name());
        string(s, ++i, metric == null ? null : metric.unit());
        number(s, ++i, baseline == null ? null : baseline.value());
        date(s, ++i, baseline == null ? null : baseline.on());
        number(s, ++i, metric == null ? null : metric.target());
        string(s, ++i, metric == null ? null : name(metric.direction()));
        string(s, ++i, metric == null ? null : name(metric.scale()));
        string(s, ++i, name(p.status));
        string(s, ++i, name(p.outcome));
        string(s, ++i, name(p.voidReason));
        date(s, ++i, p.resolvedOn);
        date(s, ++i, p.knownOn);
        string(s, ++i, p.resolutionNote);
        string(s, ++i, p.resolutionEvidence == null ? null : EVIDENCE.convertToDatabaseColumn(p.resolutionEvidence));
        string(s, ++i, p.resolvedBy);
        instant(s, ++i, p.resolvedAt);
        instant(s, ++i, p.closesAt);
        string(s, ++i, p.verdict == null ? null : name(p.verdict.state));
        instant(s, ++i, p.verdict == null ? null : p.verdict.finalAt);
        instant(s, ++i, p.createdAt);
        instant(s, ++i, p.updatedAt);
        s.setLong(++i, p.version);
    }

    /**
     * The predictions of a {@link #SELECT_BY_KEY} result with their topics, in its order:
     * unmanaged entities, for {@link Prediction#toView()} (Hibernate's entity and collection loading was most of a
     * read's time, and a read needs neither).
     */
    static List<Prediction> readAll(ResultSet r) throws SQLException {
        List<Prediction> read = new ArrayList<>();
        Prediction last = null;
        while (r.next()) {
            long id = r.getLong(1);
            if (last == null || last.id != id) {
                last = read(r);
                read.add(last);
            }
            String topic = r.getString(COLUMN_COUNT + 1);
            if (topic != null) {
                last.topics.add(topic);
            }
        }
        return read;
    }

    /** The prediction in the current row, without its topics. */
    private static Prediction read(ResultSet r) throws SQLException {
        Prediction p = new Prediction();
        int i = 0;
        p.id = r.getLong(++i);
        p.key = r.getString(++i);
        p.statement = r.getString(++i);
        p.kind = value(Kind.class, r.getString(++i));
        p.speaker = r.getString(++i);
        p.speakerLower = r.getString(++i);
        p.source = r.getString(++i);
        p.madeOn = r.getObject(++i, LocalDate.class);
        String quoteText = r.getString(++i);
        String quoteLang = r.getString(++i);
        String quoteLocator = r.getString(++i);
        p.quote = quoteText == null && quoteLang == null && quoteLocator == null
                ? null
                : new Quote(quoteText, quoteLang, quoteLocator);
        LocalDate targetDate = r.getObject(++i, LocalDate.class);
        Precision precision = value(Precision.class, r.getString(++i));
        Basis basis = value(Basis.class, r.getString(++i));
        String label = r.getString(++i);
        p.target = targetDate == null && precision == null && basis == null && label == null
                ? null
                : new Target(targetDate, precision, basis, label);
        String period = r.getString(++i);
        p.reviewEvery = period == null ? null : PERIODS.convertToEntityAttribute(period);
        p.dueAt = instant(r, ++i);
        p.nextReviewOn = r.getObject(++i, LocalDate.class);
        p.resolutionCriteria = r.getString(++i);
        String metricName = r.getString(++i);
        String unit = r.getString(++i);
        Double baselineValue = number(r, ++i);
        LocalDate baselineOn = r.getObject(++i, LocalDate.class);
        Double metricTarget = number(r, ++i);
        Direction direction = value(Direction.class, r.getString(++i));
        Scale scale = value(Scale.class, r.getString(++i));
        p.metric = metricName == null
                        && unit == null
                        && baselineValue == null
                        && baselineOn == null
                        && metricTarget == null
                        && direction == null
                        && scale == null
                ? null
                : new Metric(
                        metricName,
                        unit,
                        baselineValue == null && baselineOn == null
                                ? null
                                : new Metric.Baseline(baselineValue, baselineOn),
                        metricTarget,
                        direction,
                        scale);
        p.status = value(Status.class, r.getString(++i));
        p.outcome = value(Outcome.class, r.getString(++i));
        p.voidReason = value(VoidReason.class, r.getString(++i));
        p.resolvedOn = r.getObject(++i, LocalDate.class);
        p.knownOn = r.getObject(++i, LocalDate.class);
        p.resolutionNote = r.getString(++i);
        String evidence = r.getString(++i);
        p.resolutionEvidence = evidence == null ? null : EVIDENCE.convertToEntityAttribute(evidence);
        p.resolvedBy = r.getString(++i);
        p.resolvedAt = instant(r, ++i);
        p.closesAt = instant(r, ++i);
        VerdictState verdictState = value(VerdictState.class, r.getString(++i));
        Instant finalAt = instant(r, ++i);
        p.verdict = verdictState == null && finalAt == null ? null : new Verdict(verdictState, finalAt);
        p.createdAt = instant(r, ++i);
        p.updatedAt = instant(r, ++i);
        p.version = r.getLong(++i);
        return p;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Double number(ResultSet r, int i) throws SQLException {
        double value = r.getDouble(i);
        return r.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet r, int i) throws SQLException {
        OffsetDateTime value = r.getObject(i, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Binds one topic row of the prediction with this id, in {@link #INSERT_TOPIC}'s order. */
    static void bindTopic(PreparedStatement s, long predictionId, String topic) throws SQLException {
        s.setLong(1, predictionId);
        string(s, 2, topic);
    }

    /** Binds a history event without reason or details (a CREATED one), in {@link #INSERT_EVENT}'s order. */
    static void bindEvent(
            PreparedStatement s, long id, String key, EventType type, Instant at, String actor, String note)
            throws SQLException {
        s.setLong(1, id);
        string(s, 2, key);
        string(s, 3, type.name());
        instant(s, 4, at);
        string(s, 5, actor);
        string(s, 6, note);
        string(s, 7, null);
        string(s, 8, null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void string(PreparedStatement s, int i, String value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, value);
        }
    }

    private static void date(PreparedStatement s, int i, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DATE);
        } else {
            s.setObject(i, value);
        }
    }

    private static void number(PreparedStatement s, int i, Double value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, value);
        }
    }

    /** As Hibernate binds an Instant to a timestamp with time zone: the moment at UTC. */
    private static void instant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
