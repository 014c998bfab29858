package app.hindsight.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import app.hindsight.text.Text;
import app.hindsight.time.Dates;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request parsing is strict: a typo in a field name, a number where a string belongs, or a duplicate
 * key is an error the client hears about, not something silently dropped or coerced. Every body is read by this
 * mapper, from its bytes (invalid UTF-8 is a parse error), with the same limits: a create, a merge patch and each
 * line of an import alike. Dates, instants and periods must be in {@link Dates}' ranges, numbers finite, and no
 * string holds U+0000 or an unpaired surrogate (which a "\\ud800" escape decodes to), whatever field it is in.
 * Enum values are the exception that is lenient: {@code "forecast"} reads as FORECAST, as a query's
 * {@code status=open} does.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Hindsight's documents are four levels deep; Jackson's default (1000) lets a body cost a deep recursion. */
    public static final int MAX_DEPTH = 50;
    /** A double needs at most 25 characters; Jackson's default is 1000. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** Last, after Quarkus's own customizer has registered JavaTimeModule: the module added last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
        // These replace JavaTimeModule's, which trim, take a date out of an instant and read years of nine digits.
        mapper.registerModule(new SimpleModule("hindsight-strict")
                .addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, Dates::date))
                .addDeserializer(Instant.class, new Bounded<>(Instant.class, Dates::instant))
                .addDeserializer(Period.class, new Bounded<>(Period.class, Dates::period))
                .addDeserializer(Double.class, new FiniteDouble())
                .addDeserializer(String.class, new CheckedString()));
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // One rule for enum values in bodies and queries: any case in, upper case (the canonical form) out.
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        for (LogicalType type : new LogicalType[] {
            LogicalType.Textual,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.DateTime,
            LogicalType.Enum
        }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            type == LogicalType.Integer || type == LogicalType.Float
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
    }

    /** A date, instant or period from a JSON string, or an error that ProblemMapper words with the range. */
    static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, Optional<T>> parse;

        Bounded(Class<T> type, Function<String, Optional<T>> parse) {
            super(type);
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            return parse.apply(text)
                    .orElseThrow(() -> InvalidFormatException.from(p, "out of range or malformed", text, type));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** JSON numbers only, and finite: not "NaN" or "Infinity" as strings, nor 1e999999, which reads as infinity. */
    static final class FiniteDouble extends StdScalarDeserializer<Double> {

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "not a finite number", p.getText(), Double.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }

    /**
     * Every string of every body: NUL and unpaired surrogates are refused here, before any field's own rules and
     * before anything reaches a database (PostgreSQL refuses NUL in text with an error; H2 would store it). Jackson's
     * own deserializer does the reading, with the coercion rules above; a subclass is not Jackson's standard one, so
     * the collections of strings use it too.
     */
    static final class CheckedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            String refusal = text == null ? null : Text.refusedAnywhere(text);
            if (refusal != null) {
                throw new RefusedText(p, refusal);
            }
            return text;
        }
    }

    /** A string refused for what it holds; JsonErrors names the field with {@link #reason()}. */
    public static final class RefusedText extends MismatchedInputException {

        RefusedText(JsonParser p, String reason) {
            super(p, reason, String.class);
        }

        public String reason() {
            return getOriginalMessage();
        }
    }
}
