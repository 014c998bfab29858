package app.hindsight.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** No NaN or infinity leaves as the strings "NaN" and "Infinity": null instead; finite numbers as ever. */
class FiniteNumbersTest {

    record Figures(double primitive, Double boxed, Double absent) {}

    @Test
    void nonFiniteDoublesAreWrittenAsNull() throws Exception {
        ObjectMapper json = new ObjectMapper();
        new FiniteNumbers().customize(json);
        assertEquals(
                "{\"primitive\":null,\"boxed\":null,\"absent\":null}",
                json.writeValueAsString(new Figures(Double.NaN, Double.NEGATIVE_INFINITY, null)));
        assertEquals(
                "{\"primitive\":0.5,\"boxed\":-3.0,\"absent\":null}",
                json.writeValueAsString(new Figures(0.5, -3.0, null)));
        assertEquals("{\"x\":null}", json.writeValueAsString(java.util.Map.of("x", Double.NaN)));
    }
}
