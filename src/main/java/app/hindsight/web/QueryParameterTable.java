package app.hindsight.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The query parameters named alike across the API (the list filters, paging, a few more), each with its bounded
 * schema and, where it means the same wherever it is taken, its description: {@link OpenApiTruthFilter} gives them to
 * every operation that declares the parameter by name.
 */
final class QueryParameterTable {

    private QueryParameterTable() {}

    static final Map<String, Schema> SCHEMAS = Map.ofEntries(
            // The list filters (PredictionFilter) of the list and the calendar.
            Map.entry(
                    "status",
                    OASFactory.createSchema()
                            .addType(SchemaType.ARRAY)
                            .maxItems(4)
                            .items(OASFactory.createSchema().ref("Status"))),
            Map.entry("kind", OASFactory.createSchema().ref("Kind")),
            Map.entry("topic", OpenApiTruthFilter.string(50, "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")),
            Map.entry("speaker", OpenApiTruthFilter.string(200, null)),
            Map.entry("source", OpenApiTruthFilter.string(80, OpenApiTruthFilter.SLUG)),
            Map.entry("dueBefore", dateOrInstant()),
            Map.entry("dueAfter", dateOrInstant()),
            Map.entry("q", OpenApiTruthFilter.string(2000, null)),
            Map.entry("hasMetric", OASFactory.createSchema().addType(SchemaType.BOOLEAN)),
            Map.entry("nextReviewFrom", date()),
            Map.entry("nextReviewTo", date()),
            // The list's orders, as prediction.store.PredictionOrder.ACCEPTED names them (any case).
            Map.entry(
                    "sort",
                    OASFactory.createSchema()
                            .addType(SchemaType.STRING)
                            .enumeration(List.of(
                                    "madeOn",
                                    "-madeOn",
                                    "targetDate",
                                    "-targetDate",
                                    "nextReview",
                                    "-nextReview",
                                    "updated",
                                    "-updated"))),
            Map.entry("assignee", OpenApiTruthFilter.string(200, null)),
            Map.entry("note", OpenApiTruthFilter.string(4000, null)),
            Map.entry("cursor", OpenApiTruthFilter.string(128, "^[A-Za-z0-9_-]*$")),
            Map.entry(
                    "limit",
                    OASFactory.createSchema()
                            .addType(SchemaType.INTEGER)
                            .format("int32")
                            .minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(500))
                            .defaultValue(50)),
            Map.entry(
                    "minScored",
                    OASFactory.createSchema()
                            .addType(SchemaType.INTEGER)
                            .format("int64")
                            .minimum(java.math.BigDecimal.ZERO)
                            .maximum(java.math.BigDecimal.valueOf(Long.MAX_VALUE))
                            .defaultValue(0)),
            Map.entry(
                    "includeProvisional",
                    OASFactory.createSchema().addType(SchemaType.BOOLEAN).defaultValue(false)),
            Map.entry(
                    "dryRun",
                    OASFactory.createSchema().addType(SchemaType.BOOLEAN).defaultValue(false)),
            Map.entry(
                    "state",
                    OASFactory.createSchema()
                            .addType(SchemaType.STRING)
                            .enumeration(List.of("OPEN", "CLOSED"))
                            .defaultValue("OPEN")));

    /** What a query parameter means, where it means the same wherever it is taken. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("status", "OPEN, DUE, RESOLVED or WITHDRAWN; repeat or comma-separate for several"),
            Map.entry("topic", "a topic tag, e.g. cost"),
            Map.entry(
                    "speaker",
                    "a speaker's name or the start of any word of it, ignoring case and accents (Sam Altman, "
                            + "altman, sam alt); matches every speaker it fits"),
            Map.entry("source", "source key"),
            Map.entry(
                    "dueBefore",
                    "dueAt before this date (start of day in the configured zone) or instant, exclusive; leaves out "
                            + "undated predictions"),
            Map.entry("dueAfter", "dueAt at or after this date or instant; leaves out undated predictions"),
            Map.entry("q", "text in the statement or the quote, case-insensitive"),
            Map.entry(
                    "hasMetric", "true: only predictions with a metric (a trajectory); false: only those without one"),
            Map.entry(
                    "nextReviewFrom",
                    "nextReviewOn on or after this date; leaves out predictions without a next review (resolved or "
                            + "withdrawn)"),
            Map.entry("nextReviewTo", "nextReviewOn on or before this date; leaves out predictions without one"),
            Map.entry(
                    "includeProvisional",
                    "true: the figures count PROVISIONAL verdicts too; by default they count FINAL verdicts only and"
                            + " say how many they left out (provisionalExcluded)"),
            Map.entry("limit", "1 to 500, default 50"),
            Map.entry("cursor", "nextCursor of the previous page"));

    private static Schema date() {
        return OASFactory.createSchema()
                .addType(SchemaType.STRING)
                .format("date")
                .maxLength(10)
                .examples(List.of("2027-12-31"));
    }

    private static Schema dateOrInstant() {
        return OpenApiTruthFilter.string(35, "^\\d{4}-\\d{2}-\\d{2}(T\\S+)?$")
                .description("A date (2027-12-31) or an instant " + "(2028-01-01T00:00:00Z)");
    }
}
