package app.hindsight.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The responses every status transition of a prediction shares, documented once (the rest follow from its shape). The
 * prediction's schema is named ("Prediction", PredictionView's), not given by its class, so that the web layer does not
 * depend on the prediction package; OpenApiDocumentTest would show a name that no longer resolves.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponse(
        responseCode = "200",
        description = "The prediction after the transition; its new ETag",
        content = @Content(mediaType = "application/json", schema = @Schema(ref = "Prediction")))
@APIResponse(
        responseCode = "409",
        description = "Not allowed from the current status, which the problem names "
                + "(currentStatus); or, sent without If-Match, another request changed the prediction at the same moment "
                + "(type concurrent-modification): read it again and retry")
public @interface TransitionResponses {}
