package app.hindsight.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * No document this service writes (a response, a webhook's payload, a stored event's details) carries NaN or an
 * infinity: Jackson would write them as the strings "NaN" and "Infinity", which a client reading a number chokes on.
 * Such a double is written as null, the value the API's nullable figures take when there is nothing to say. The
 * figures are meant to be finite at their source (see MetricValues); this is the net below.
 */
@Singleton
public class FiniteNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        FiniteDouble finite = new FiniteDouble();
        mapper.registerModule(new SimpleModule("hindsight-finite-numbers")
                .addSerializer(Double.class, finite)
                .addSerializer(double.class, finite));
    }

    static final class FiniteDouble extends StdSerializer<Double> {

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }
}
