package app.hindsight.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code errors} lists the fields at fault for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors,
        String currentStatus) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code index} is set for the items of an import: which item the field belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer index, String field, String message) {

        public FieldError(String field, String message) {
            this(null, field, message);
        }

        public FieldError at(int itemIndex) {
            return new FieldError(itemIndex, field, message);
        }
    }
}
