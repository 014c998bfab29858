package app.hindsight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The error responses an operation gives because of its shape, documented here once rather than on every endpoint,
 * so that an endpoint (or openapi/texts.yaml) documents only those particular to it, such as a 409 and why. An error
 * response documented there keeps its description; one left out, or given without a description, gets this:
 * <ul>
 * <li>400: a body that is not valid, a bad query parameter (with the bad-cursor example on paged lists), or else a
 * URL the HTTP layer cannot read, and an unknown query parameter everywhere; 404 where the path names something; 412 where If-Match is taken; 413 and 415
 * where a body is; 429 (rate limits) and 500 everywhere; Retry-After on 429 and 503;</li>
 * <li>every error is a problem document, and 2xx and 4xx responses carry the RateLimit-* headers whenever rate
 * limits are on.</li>
 * </ul>
 * OpenApiSuccesses does the same for the 2xx responses.
 */
// Priority 2, after OpenApiAccessFilter and OpenApiSuccesses: the 401 and 403 that filter writes, and the 2xx, get
// the headers too (ApiDescriptionTest checks every 2xx and 4xx has them).
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 2)
public class OpenApiErrors implements OASFilter {

    static final String PROBLEM_REF = "Problem";
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private static final Pattern PATH_PARAMETER = Pattern.compile("([^/{}]+)/\\{[^}]+}");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> operation(path, operation));
            }
        });
    }

    private static void operation(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        List<String> query = new ArrayList<>(parameters(operation, Parameter.In.QUERY));
        for (String paging : List.of("limit", "cursor")) {
            if (query.remove(paging)) {
                query.add(paging);
            }
        }
        boolean body = operation.getRequestBody() != null;
        // Unknown query parameters are refused on every operation (UnknownQueryParameters).
        String unknown =
                query.isEmpty() ? "any query parameter (this operation takes none)" : "an unknown query parameter";
        if (body) {
            orDeclared(responses, "400", "Invalid body, or " + unknown + "; errors name each field");
        } else if (!query.isEmpty()) {
            orDeclared(responses, "400", "A bad " + or(query) + ", or " + unknown + "; errors names it");
        } else {
            orDeclared(
                    responses,
                    "400",
                    "The request could not be read (e.g. a malformed percent-encoding in its URL), or it has "
                            + unknown);
        }
        if (query.contains("cursor")) {
            example(responses.getAPIResponse("400"), "bad cursor");
        }
        List<String> named = named(path);
        if (!named.isEmpty()) {
            orDeclared(responses, "404", "No such " + or(named));
        }
        if (parameters(operation, Parameter.In.HEADER).contains("If-Match")) {
            orDeclared(
                    responses,
                    "412",
                    (responses.hasAPIResponse("428") ? "If-Match is stale" : "If-Match given and stale")
                            + ", or weak (W/...: If-Match compares strongly)");
        }
        if (body) {
            orDeclared(responses, "413", "Body too large");
            List<String> types = new ArrayList<>(
                    operation.getRequestBody().getContent().getMediaTypes().keySet());
            orDeclared(
                    responses,
                    "415",
                    types.size() == 2 ? "Neither " + types.get(0) + " nor " + types.get(1) : "Not " + or(types));
        }
        if (responses.hasAPIResponse("503") && responses.getAPIResponse("503").getHeaders() == null) {
            responses.getAPIResponse("503").addHeader("Retry-After", ref("Retry-After"));
        }
        orDeclared(
                responses,
                "429",
                "Too many requests from this token (or, without one, this address, where failed authentications "
                        + "count too); Retry-After says when to try again");
        if (responses.getAPIResponse("429").getHeaders() == null) {
            responses.getAPIResponse("429").addHeader("Retry-After", ref("Retry-After"));
        }
        orDeclared(
                responses,
                "500",
                "An unexpected failure; the problem document says no more, the server's log has the details");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
            if (status.startsWith("2") || status.startsWith("4")) {
                RATE_LIMIT_HEADERS.forEach(name -> {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                        response.addHeader(name, ref(name));
                    }
                });
            }
        });
    }

    /** What the path names, by the segment before each of its parameters: /sources/{key}/candidates/{id}. */
    private static List<String> named(String path) {
        List<String> things = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(path);
        while (m.find()) {
            String segment = m.group(1);
            things.add(segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment);
        }
        return things;
    }

    private static List<String> parameters(Operation operation, Parameter.In in) {
        return operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream()
                        .filter(p -> p.getIn() == in)
                        .map(Parameter::getName)
                        .toList();
    }

    /** "a", "a or b", "a, b or c". */
    static String or(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The response as declared, with this description if it has none; added when it is not declared at all. */
    private static void orDeclared(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (response.getDescription() == null) {
            response.setDescription(description);
        }
    }

    /** One of the examples several operations share (OpenApiTexts), unless the response has examples already. */
    private static void example(APIResponse response, String name) {
        problemContent(response);
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media != null && media.getExamples() == null) {
            media.addExample(name, OASFactory.createExample().value(OpenApiTexts.shared(name)));
        }
    }

    static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }

    /**
     * An error response is a problem document: one declared without content gets the problem's media type and
     * schema; one declared with the media type (for its examples), the schema.
     */
    private static void problemContent(APIResponse response) {
        Content content = response.getContent();
        if (content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            return;
        }
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media != null && media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
    }
}
