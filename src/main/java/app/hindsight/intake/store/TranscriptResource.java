package app.hindsight.intake.store;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.hindsight.HindsightConfig;
import app.hindsight.intake.Transcript;
import app.hindsight.shared.ExpectedVersion;
import app.hindsight.shared.FieldError;
import app.hindsight.shared.Roles;
import app.hindsight.web.Actor;
import app.hindsight.web.ApiException;
import app.hindsight.web.ETags;

@Path("/api/v1/sources/{key}")
@Tag(name = "Intake")
public class TranscriptResource {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    @Inject
    TranscriptService transcripts;

    @Inject
    TranscriptReader reader;

    @Inject
    CoverageQueries coverage;

    @Inject
    HindsightConfig config;

    @Inject
    Actor actor;

    @PUT
    @Path("transcript")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTranscript", summary = "Store a source's transcript")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, maxLength = 5242880)),
                @Content(mediaType = "text/vtt", schema = @Schema(type = SchemaType.STRING, maxLength = 5242880)),
                @Content(
                        mediaType = "application/x-subrip",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 5242880)),
                @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING, maxLength = 5242880)),
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
                @Content(
                        mediaType = DocxText.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880))
            })
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TranscriptStored.class)))
    @APIResponseSchema(value = TranscriptStored.class, responseCode = "201")
    @RolesAllowed(Roles.EDITOR)
    public Response put(
            @PathParam("key") String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            @Parameter(
                            in = ParameterIn.HEADER,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 35, example = "zh-Hant"))
                    @HeaderParam("Content-Language")
                    String contentLanguage,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        TranscriptFormat format = format(contentType);
        if (contentLanguage != null
                && !LANGUAGE.matcher(contentLanguage.strip()).matches()) {
            throw ApiException.invalid(
                    List.of(new FieldError("Content-Language", "must be a BCP 47 language tag like zh-Hant")));
        }
        long max = config.intake().maxTranscriptSize().asLongValue();
        if (body != null && body.length > max) {
            throw new ApiException(
                    413,
                    "body-too-large",
                    "Request body too large",
                    "the body has " + body.length + " bytes; at most " + max + " are taken",
                    null,
                    null);
        }
        ExpectedVersion expected = ETags.expected(ifMatch);
        if (expected == null && transcripts.version(key).isPresent()) {
            throw new ApiException(
                    428,
                    "precondition-required",
                    "If-Match required",
                    "the source has a transcript: send the ETag from a GET of it in an If-Match header to replace it",
                    null,
                    null);
        }
        String lang = transcripts.language(key, contentLanguage == null ? null : contentLanguage.strip());
        Transcript transcript = reader.read(format, body, lang);
        TranscriptStored stored = transcripts.put(key, transcript, format.mediaType, expected, actor.name());
        return Response.status(stored.created() ? 201 : 200)
                .header(HttpHeaders.ETAG, ETags.of(stored.version()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(stored)
                .build();
    }

    private static TranscriptFormat format(String contentType) {
        TranscriptFormat format = TranscriptFormat.of(contentType)
                .orElseThrow(() -> unsupported("Content-Type "
                        + (contentType == null ? "" : contentType.split(";", 2)[0].strip()) + " is not taken here"));
        if (format.isText()) {
            String charset = MediaType.valueOf(contentType).getParameters().get("charset");
            if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("us-ascii")) {
                throw unsupported("charset " + charset + " is not taken here: send the text as UTF-8");
            }
        }
        return format;
    }

    private static ApiException unsupported(String why) {
        return new ApiException(
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                why + "; send " + TranscriptFormat.names(),
                null,
                null);
    }

    @GET
    @Path("transcript")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "getTranscript", summary = "Get a source's transcript")
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TranscriptView.class)),
                @Content(mediaType = MediaType.TEXT_PLAIN)
            })
    @RolesAllowed(Roles.READER)
    public Response get(@PathParam("key") String key, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TranscriptView t = transcripts.get(key);
        Response.ResponseBuilder ok = plainWanted(accept)
                ? Response.ok(t.text(), MediaType.TEXT_PLAIN + ";charset=UTF-8")
                        .header("Content-Language", t.language())
                : Response.ok(t, MediaType.APPLICATION_JSON_TYPE);
        return ok.header(HttpHeaders.ETAG, ETags.of(t.version())).build();
    }

    /** Text only when asked for before JSON: a browser's wildcard gets JSON. */
    private static boolean plainWanted(String accept) {
        if (accept == null) {
            return false;
        }
        int plain = accept.indexOf(MediaType.TEXT_PLAIN);
        int json = accept.indexOf(MediaType.APPLICATION_JSON);
        return plain >= 0 && (json < 0 || plain < json);
    }

    @GET
    @Path("coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCoverage", summary = "How far a source is triaged")
    @RolesAllowed(Roles.READER)
    public Coverage coverage(@PathParam("key") String key) {
        return coverage.of(key);
    }
}
