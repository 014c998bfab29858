package app.hindsight.prediction.store;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.hindsight.csv.CsvWriter;
import app.hindsight.prediction.model.Basis;
import app.hindsight.prediction.model.Kind;
import app.hindsight.prediction.model.Outcome;
import app.hindsight.prediction.model.Precision;
import app.hindsight.prediction.model.PredictionView;
import app.hindsight.prediction.model.Status;
import app.hindsight.prediction.model.VoidReason;

/**
 * CSV and NDJSON exports. Matches are read in batches by id, each in its own short transaction, and
 * written as they come, so an export of a million rows holds one batch in memory, not the million. A batch
 * examines at most hindsight.list.scan-budget predictions, and the next resumes where it stopped: an export
 * of a filter that matches little reads each prediction once, in bounded transactions.
 */
@ApplicationScoped
public class PredictionExport {

    static final int BATCH = 500;

    private static final CsvWriter<Row> CSV = CsvWriter.of(Row.class);

    @Inject
    PredictionQueries predictions;

    @Inject
    ObjectMapper json;

    /** One flat line of the CSV export; topics are joined with ';'. Text cells are neutralised by CsvWriter. */
    @JsonPropertyOrder({
        "key",
        "statement",
        "kind",
        "status",
        "speaker",
        "source",
        "madeOn",
        "topics",
        "targetDate",
        "targetPrecision",
        "targetBasis",
        "targetLabel",
        "reviewEvery",
        "dueAt",
        "nextReviewOn",
        "quoteText",
        "quoteLang",
        "quoteLocator",
        "resolutionCriteria",
        "outcome",
        "voidReason",
        "resolvedOn",
        "knownOn"
    })
    record Row(
            String key,
            String statement,
            Kind kind,
            Status status,
            String speaker,
            String source,
            LocalDate madeOn,
            String topics,
            LocalDate targetDate,
            Precision targetPrecision,
            Basis targetBasis,
            String targetLabel,
            String reviewEvery,
            Instant dueAt,
            LocalDate nextReviewOn,
            String quoteText,
            String quoteLang,
            String quoteLocator,
            String resolutionCriteria,
            Outcome outcome,
            VoidReason voidReason,
            LocalDate resolvedOn,
            LocalDate knownOn) {

        static Row of(PredictionView p) {
            return new Row(
                    p.key(),
                    p.statement(),
                    p.kind(),
                    p.status(),
                    p.speaker(),
                    p.source(),
                    p.madeOn(),
                    String.join(";", p.topics()),
                    p.target().date(),
                    p.target().precision(),
                    p.target().basis(),
                    p.target().label(),
                    p.reviewEvery() == null ? null : p.reviewEvery().toString(),
                    p.dueAt(),
                    p.nextReviewOn(),
                    p.quote() == null ? null : p.quote().text(),
                    p.quote() == null ? null : p.quote().lang(),
                    p.quote() == null ? null : p.quote().locator(),
                    p.resolutionCriteria(),
                    p.resolution() == null ? null : p.resolution().outcome(),
                    p.resolution() == null ? null : p.resolution().voidReason(),
                    p.resolution() == null ? null : p.resolution().resolvedOn(),
                    p.resolution() == null ? null : p.resolution().knownOn());
        }
    }

    /** An export, written when the response body is: the resource hands it to JAX-RS as a StreamingOutput. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Every match as CSV, in the order (null: by id). */
    public Export csv(PredictionFilter filter, PredictionOrder order) {
        return out -> {
            try (CsvWriter.Rows<Row> rows = CSV.open(out)) {
                forEachBatch(filter, order, batch -> {
                    for (PredictionView p : batch) {
                        rows.write(Row.of(p));
                    }
                    rows.flush();
                });
            }
        };
    }

    /** Every match as NDJSON, in the order (null: by id). */
    public Export ndjson(PredictionFilter filter, PredictionOrder order) {
        return out -> {
            ObjectMapper lines = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            forEachBatch(filter, order, batch -> {
                for (PredictionView p : batch) {
                    lines.writeValue(out, p);
                    out.write('\n');
                }
                out.flush();
            });
        };
    }

    private interface BatchWriter {
        void write(List<PredictionView> batch) throws IOException;
    }

    private void forEachBatch(PredictionFilter filter, PredictionOrder order, BatchWriter writer) throws IOException {
        if (order != null) {
            PredictionQueries.SortedBatch batch = null;
            do {
                batch = predictions.batch(filter, order, batch, BATCH);
                if (!batch.items().isEmpty()) {
                    writer.write(batch.items());
                }
            } while (!batch.last());
            return;
        }
        long after = 0;
        while (true) {
            PredictionQueries.Batch batch = predictions.batch(filter, after, BATCH);
            if (!batch.items().isEmpty()) {
                writer.write(batch.items());
            }
            if (batch.last()) {
                return;
            }
            after = batch.resumeAfter();
        }
    }
}
