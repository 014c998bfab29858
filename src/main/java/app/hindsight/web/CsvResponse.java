package app.hindsight.web;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import app.hindsight.csv.CsvWriter;

/** A list already in memory (an aggregate's rows) as a text/csv response, a header row first. */
public final class CsvResponse {

    private CsvResponse() {}

    public static <R> Response of(CsvWriter<R> writer, List<R> rows) {
        StreamingOutput body = out -> {
            try (CsvWriter.Rows<R> csv = writer.open(out)) {
                for (R row : rows) {
                    csv.write(row);
                }
            }
        };
        return Response.ok(body, CsvWriter.MEDIA_TYPE).build();
    }
}
