package app.hindsight.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CSV for any list: plain code, no server. */
class CsvWriterTest {

    enum Colour {
        RED
    }

    @JsonPropertyOrder({"name", "on", "at", "colour", "note"})
    record Row(String name, LocalDate on, Instant at, Colour colour, String note) {}

    static final CsvWriter<Row> CSV = CsvWriter.of(Row.class);

    @Test
    void headerThenOneLinePerRowInTheColumnOrderGiven() throws IOException {
        assertEquals(
                "name,on,at,colour,note\n"
                        + "a,2030-12-31,2031-01-01T00:00:00Z,RED,\n"
                        + "\"b, with a comma\",,,,\"says \"\"hi\"\"\"\n",
                write(
                        new Row(
                                "a",
                                LocalDate.parse("2030-12-31"),
                                Instant.parse("2031-01-01T00:00:00Z"),
                                Colour.RED,
                                null),
                        new Row("b, with a comma", null, null, null, "says \"hi\"")));
    }

    @Test
    void noRowsIsJustTheHeader() throws IOException {
        assertEquals("name,on,at,colour,note\n", write());
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetAQuote() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvWriter.cell(formula), formula);
        }
        assertEquals("1+1=2", CsvWriter.cell("1+1=2"), "only the first character counts");
        assertEquals("", CsvWriter.cell(""));
    }

    @Test
    void controlCharactersAreDroppedButTabsAndLineBreaksKept() {
        assertEquals("ab\tc\nd\re", CsvWriter.cell("a\u0000b\tc\nd\re\u001b\u0085\u007f"));
        assertEquals("'=x", CsvWriter.cell("\u0000=x"), "a formula behind a dropped character is still one");
    }

    @Test
    void everyTextCellIsNeutralisedInTheDocument() throws IOException {
        assertEquals(
                "name,on,at,colour,note\n\"'=HYPERLINK(\"\"x\"\")\",,,,\"'@me\"\n",
                write(new Row("=HYPERLINK(\"x\")", null, null, null, "@me")));
    }

    private static String write(Row... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter.Rows<Row> csv = CSV.open(out)) {
            for (Row row : rows) {
                csv.write(row);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
