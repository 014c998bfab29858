package app.hindsight.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What is wrong with one field of the input. {@code index} is set for the items of an import: which item it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String message) {

    public FieldError(String field, String message) {
        this(null, field, message);
    }

    public FieldError at(int itemIndex) {
        return new FieldError(itemIndex, field, message);
    }
}
