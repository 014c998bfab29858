package app.hindsight.prediction.model;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Evidence is read and written with its resolution, never queried: a JSON column is enough. */
@Converter
public class EvidenceConverter implements AttributeConverter<List<Evidence>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Evidence>> LIST = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<Evidence> evidence) {
        try {
            return evidence == null ? null : JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Evidence> convertToEntityAttribute(String text) {
        try {
            return text == null ? null : JSON.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
