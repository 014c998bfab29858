package app.hindsight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The 2xx responses as their shape says, so that an endpoint declares a success only where the code cannot show its
 * schema (a {@code Response}) and openapi/texts.yaml describes it only where there is more to say:
 * <ul>
 * <li>a page of a list (a schema with items and nextCursor) says so and has a Link header;</li>
 * <li>a representation that carries its version (a prediction, a transcript) has the ETag header;</li>
 * <li>a 201 has the Location header: every endpoint that creates something names it there;</li>
 * <li>a CSV, NDJSON, SVG, calendar or text body is a string, under its media type without parameters (a variant's
 * {@code ;qs=0.5} is for the server's choice, not the client's);</li>
 * <li>a success still described as SmallRye's "OK" names what it is: "The prediction", "A page of sources", ... .</li>
 * </ul>
 */
// Priority 3: after OpenApiTexts (its descriptions come first), before OpenApiErrors.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 3)
public class OpenApiSuccesses implements OASFilter {

    /** What SmallRye writes when nothing says more. */
    static final Set<String> GENERATED = Set.of("OK", "Created", "Accepted", "No Content");

    /** Representations that carry their version: the ETag to send back in If-Match. */
    private static final Set<String> VERSIONED = Set.of("Prediction", "Transcript", "TranscriptStored");

    private Map<String, Schema> schemas = Map.of();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getPaths() == null) {
            return;
        }
        if (api.getComponents().getSchemas() != null) {
            schemas = api.getComponents().getSchemas();
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().stream()
                        .filter(operation -> operation.getResponses() != null)
                        .forEach(operation -> operation
                                .getResponses()
                                .getAPIResponses()
                                .forEach((status, response) -> {
                                    if (status.startsWith("2")) {
                                        success(status, response);
                                    }
                                }));
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
            response.addHeader("Link", OpenApiErrors.ref("Link"));
        }
        if (json != null
                && json.getRef() != null
                && VERSIONED.contains(name(json))
                && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
            response.addHeader(
                    "ETag",
                    OASFactory.createHeader().schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        if (status.equals("201")
                && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
            response.addHeader(
                    "Location",
                    OASFactory.createHeader()
                            .description("The URL of what was created")
                            .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
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
                    + (others.isEmpty() ? "" : ". As " + OpenApiErrors.or(others) + ", every one, unpaged"));
        } else if (json != null && json.getRef() != null) {
            response.setDescription(
                    "The " + words(name(json)) + (others.isEmpty() ? "" : "; also as " + OpenApiErrors.or(others)));
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

    private static boolean isJson(String mediaType) {
        return mediaType.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) || mediaType.endsWith("+json");
    }

    private static boolean isEmpty(Schema schema) {
        return schema == null
                || (schema.getRef() == null
                        && (schema.getType() == null || schema.getType().isEmpty())
                        && schema.getProperties() == null);
    }
}
