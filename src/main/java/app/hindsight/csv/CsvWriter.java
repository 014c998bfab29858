package app.hindsight.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * CSV for any list: a flat row record gives the columns (in its {@code @JsonPropertyOrder}), a header line comes
 * first, and rows are written as they come, so a long export holds one batch in memory, not the whole list. Dates,
 * instants and enums are written as the JSON API writes them. Every text cell is made safe to open in a
 * spreadsheet ({@link #cell}).
 */
public final class CsvWriter<R> {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("csv-cells").addSerializer(String.class, new CellSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ObjectWriter writer;

    private CsvWriter(Class<R> rowType) {
        CsvSchema schema = CSV.schemaFor(rowType).withHeader();
        this.writer = CSV.writer(schema);
    }

    /** A writer of rows of this type; make it once, use it for every export. */
    public static <R> CsvWriter<R> of(Class<R> rowType) {
        return new CsvWriter<>(rowType);
    }

    /** Starts a CSV document on {@code out}; closing the rows closes {@code out}. */
    public Rows<R> open(OutputStream out) throws IOException {
        return new Rows<>(writer.writeValues(out));
    }

    /** The rows of one CSV document, written as they come. */
    public static final class Rows<R> implements Closeable {

        private final SequenceWriter writer;

        private Rows(SequenceWriter writer) {
            this.writer = writer;
        }

        public void write(R row) throws IOException {
            writer.write(row);
        }

        /** Sends what has been written so far, e.g. after each batch. */
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /**
     * A text cell a spreadsheet opens as text. OWASP's advice on CSV injection: a cell that begins with = + - @, a
     * tab or a carriage return is read as a formula by Excel, LibreOffice or Google Sheets, so it gets a leading
     * single quote, which they show as text. Control characters (NUL, ESC and the rest, but tab, line feed and
     * carriage return, which CSV quoting carries) are dropped: they break parsers and drive terminals.
     */
    public static String cell(String text) {
        StringBuilder cell = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            if (!control) {
                cell.append(c);
            }
        }
        if (cell.length() > 0 && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell.insert(0, '\'');
        }
        return cell.toString();
    }

    /** Every text cell of a CSV goes through {@link #cell}; the JSON representations keep the stored text. */
    private static final class CellSerializer extends StdSerializer<String> {

        CellSerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(cell(value));
        }
    }
}
