package app.hindsight.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import app.hindsight.shared.InvalidInput;
import app.hindsight.time.Dates;

/**
 * Turns Jackson's failures into field errors a person can act on: for a request body (web.ProblemMapper), an item
 * of an import or a line of a seed file alike.
 */
public final class JsonErrors {

    private JsonErrors() {}

    public static InvalidInput describe(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // A limit is about the whole document, though databind may report it with the field it was in.
            if (cause instanceof StreamConstraintsException limit) {
                return InvalidInput.of("body", "refused by the parser's limits" + why(limit));
            }
        }
        if (e instanceof JsonParseException parse) {
            var loc = parse.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return InvalidInput.of("body", "malformed JSON" + where + why(e));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return InvalidInput.of("body", "malformed JSON");
        }
        String field = path(mapping.getPath());
        if (e instanceof StrictJson.RefusedText refused) {
            return InvalidInput.of(field, refused.reason());
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return InvalidInput.of("body", "malformed JSON" + why(e));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return InvalidInput.of(field, "unknown field");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null && mapping.getCause() instanceof DateTimeParseException) {
            return InvalidInput.of(field, "not a valid date or time");
        }
        if (target == null && field.equals("body")) {
            return InvalidInput.of("body", "malformed JSON");
        }
        String value = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                ? "'" + invalid.getValue() + "' "
                : "";
        return InvalidInput.of(field, value + expected(target));
    }

    /**
     * What is wrong, in a few words and brackets, when Jackson's message says more than "malformed": e.g.
     * " (not UTF-8)"; empty otherwise. Jackson's messages name its own classes and settings, so only their
     * gist is passed on.
     */
    public static String why(Exception e) {
        String m = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return "";
        }
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF-32")) {
            return " (not UTF-8)";
        }
        if (m.startsWith("Duplicate field ")) {
            return " (duplicate field " + m.substring("Duplicate field ".length()) + ")";
        }
        if (m.startsWith("Document nesting depth")) {
            return " (nested more than " + StrictJson.MAX_DEPTH + " levels deep)";
        }
        if (m.startsWith("Number value length")) {
            return " (a number longer than " + StrictJson.MAX_NUMBER_LENGTH + " characters)";
        }
        if (m.startsWith("Trailing token")) {
            return " (more than one JSON document)";
        }
        return "";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return Dates.DATE_RULE;
        }
        if (type == Instant.class) {
            return Dates.INSTANT_RULE;
        }
        if (type == Period.class) {
            return Dates.PERIOD_RULE;
        }
        if (type == Double.class || type == double.class) {
            return "must be a finite number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == Boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    /** An unknown field's name as it can be written back: an unpaired surrogate cannot be, in UTF-8. */
    private static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                sb.append(c).append(name.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(printable(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
