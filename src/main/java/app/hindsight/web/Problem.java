package app.hindsight.web;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.hindsight.shared.FieldError;

/**
 * An RFC 9457 problem document. {@code errors} lists the fields at fault for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<FieldError> errors,
        String currentStatus,

        @Schema(description = "What the client may have meant: the names a part of a name fits, or the nearest ones")
        List<String> suggestions) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
