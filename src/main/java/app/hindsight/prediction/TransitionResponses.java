package app.hindsight.prediction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The responses every status transition shares, documented once (the rest follow from its shape). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@APIResponse(
        responseCode = "200",
        description = "The prediction after the transition; its new ETag",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = PredictionView.class)))
@APIResponse(
        responseCode = "409",
        description = "Not allowed from the current status, which the problem names "
                + "(currentStatus); or, sent without If-Match, another request changed the prediction at the same moment "
                + "(type concurrent-modification): read it again and retry")
@interface TransitionResponses {}
