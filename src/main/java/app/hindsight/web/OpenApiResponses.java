package app.hindsight.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The responses an operation gives because of its shape, documented here once rather than on every endpoint, so
 * that an endpoint declares only what is particular to it (a 409 and why, the schema of a 201). A response an
 * endpoint declares keeps its description; one it leaves out, or declares without a description, gets this:
 * <ul>
 * <li>a success that is a page of a list (items and nextCursor) says so and has a Link header; another success
 * names its schema; a CSV, NDJSON, SVG, calendar or text body is a string; a prediction or a transcript carries
 * its version as ETag;</li>
 * <li>400: a body that is not valid, a bad query parameter (with the bad-cursor example on paged lists), or else a
 * URL the HTTP layer cannot read; 404 where the path names something; 412 where If-Match is taken; 413 and 415
 * where a body is; 429 (rate limits) and 500 everywhere; Retry-After on 429 and 503;</li>
 * <li>every error is a problem document, and 2xx and 4xx responses carry the RateLimit-* headers whenever rate
 * limits are on.</li>
 * </ul>
 */
// Priority 3, below OpenApiAccessFilter's 4: it runs after it, so the 401 and 403 responses that filter writes get
// the headers too (ApiDescriptionTest checks every 2xx and 4xx has them).
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 3)
public class OpenApiResponses implements OASFilter {

    static final String PROBLEM_REF = "Problem";
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    /** What SmallRye writes when nothing says more. */
    static final Set<String> GENERATED = Set.of("OK", "Created", "Accepted", "No Content");

    /** Representations that carry their version: the ETag to send back in If-Match. */
    private static final Set<String> VERSIONED = Set.of("Prediction", "Transcript", "TranscriptStored");

    private static final Pattern PATH_PARAMETER = Pattern.compile("([^/{}]+)/\\{[^}]+}");

    private Map<String, Schema> schemas = Map.of();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components != null && components.getSchemas() != null) {
            schemas = components.getSchemas();
        }
        if (components != null) {
            components.addHeader("Retry-After", seconds("Seconds to wait before the next request will be allowed"));
            components.addHeader(
                    "RateLimit-Limit",
                    seconds("Requests a minute this caller (its token, or its address for calls without one "
                            + "or with one that has not authenticated yet) may make; sent while rate limits are on"));
            components.addHeader("RateLimit-Remaining", seconds("Requests left now"));
            components.addHeader("RateLimit-Reset", seconds("Seconds until the allowance is full again"));
            components.addHeader(
                    "Link",
                    OASFactory.createHeader()
                            .description(
                                    "The next page, as <URL>; rel=\"next\": this request with the next page's cursor; absent "
                                            + "on the last page")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> operation(path, operation));
            }
        });
    }

    private void operation(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                success(status, response);
            }
        });
        List<String> query = new ArrayList<>(parameters(operation, Parameter.In.QUERY));
        for (String paging : List.of("limit", "cursor")) {
            if (query.remove(paging)) {
                query.add(paging);
            }
        }
        boolean body = operation.getRequestBody() != null;
        if (body) {
            orDeclared(responses, "400", "Invalid body; errors name each field");
        } else if (!query.isEmpty()) {
            orDeclared(responses, "400", "A bad " + or(query) + "; errors names it");
        } else if (!responses.hasAPIResponse("422")) {
            orDeclared(
                    responses, "400", "The request could not be read (e.g. a malformed percent-encoding in its URL)");
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

    /**
     * A success's body: media types without their parameters (a CSV variant's {@code ;qs=0.5} is for the server's
     * choice, not the client's), strings where they are not JSON, and a description that says what it is.
     */
    private void success(String status, APIResponse response) {
        Content content = response.getContent();
        Schema json = null;
        if (content != null && content.getMediaTypes() != null) {
            Map<String, MediaType> types = new LinkedHashMap<>();
            content.getMediaTypes().forEach((type, media) -> {
                String bare = type.split(";", 2)[0].strip();
                if (!isJson(bare) && isEmpty(media.getSchema())) {
                    media.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
                }
                types.putIfAbsent(bare, media);
            });
            content.setMediaTypes(types);
            MediaType media = types.get(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            json = media == null ? null : media.getSchema();
        }
        Schema page = pageItems(json);
        if (page != null
                && (response.getHeaders() == null || !response.getHeaders().containsKey("Link"))) {
            response.addHeader("Link", ref("Link"));
        }
        if (json != null
                && json.getRef() != null
                && VERSIONED.contains(name(json))
                && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
            response.addHeader(
                    "ETag",
                    OASFactory.createHeader().schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        if (response.getDescription() != null && !GENERATED.contains(response.getDescription())) {
            return;
        }
        // Alternative representations (CSV, NDJSON) are other methods on the same path: SmallRye merges them into
        // this response, so the description says what each is.
        List<String> others = content == null
                ? List.of()
                : content.getMediaTypes().keySet().stream()
                        .filter(type -> !type.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON))
                        .sorted()
                        .toList();
        if (status.equals("204")) {
            response.setDescription("Deleted");
        } else if (page != null && page.getRef() != null) {
            response.setDescription("A page of " + plural(words(name(page))) + "; a Link header points to the next one"
                    + (others.isEmpty() ? "" : ". As " + or(others) + ", every one, unpaged"));
        } else if (json != null && json.getRef() != null) {
            response.setDescription("The " + words(name(json)) + (others.isEmpty() ? "" : "; also as " + or(others)));
        } else if (json != null && json.getItems() != null && json.getItems().getRef() != null) {
            response.setDescription("The " + plural(words(name(json.getItems()))));
        }
    }

    /** The schema of the items of a page (a schema with items and nextCursor), or null when it is not one. */
    private Schema pageItems(Schema schema) {
        Schema resolved = schema == null || schema.getRef() == null ? schema : schemas.get(name(schema));
        if (resolved == null
                || resolved.getProperties() == null
                || !resolved.getProperties().containsKey("nextCursor")) {
            return null;
        }
        Schema items = resolved.getProperties().get("items");
        return items == null ? null : items.getItems();
    }

    private static String name(Schema schema) {
        String ref = schema.getRef();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** ForecasterView: "forecaster"; JobRun: "job run". */
    private static String words(String schemaName) {
        String name = schemaName.endsWith("View") ? schemaName.substring(0, schemaName.length() - 4) : schemaName;
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
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
    private static String or(List<String> words) {
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

    private static boolean isJson(String mediaType) {
        return mediaType.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) || mediaType.endsWith("+json");
    }

    private static boolean isEmpty(Schema schema) {
        return schema == null
                || (schema.getRef() == null
                        && (schema.getType() == null || schema.getType().isEmpty())
                        && schema.getProperties() == null);
    }

    private static Header seconds(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.INTEGER)
                        .format("int64")
                        .minimum(java.math.BigDecimal.ZERO));
    }

    private static Header ref(String name) {
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
