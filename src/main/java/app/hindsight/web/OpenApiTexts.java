package app.hindsight.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts the API description's prose and examples, kept in one place ({@value #RESOURCE}), into the document: the
 * API's description, each tag's description and the tags' order, and by operationId each operation's description,
 * its parameters' descriptions, its request body's examples and its responses' descriptions and examples. A resource
 * class says what an operation is (its id
 * and summary, the schemas and parameters the code cannot show by itself); what is said about it is read here, not
 * written between the endpoints. A description here fills in one the code left out (or SmallRye's "OK"); a
 * response here that the code does not declare is added.
 */
// Priority 4: after OpenApiAccessFilter, before OpenApiSuccesses and OpenApiErrors, which complete what it adds.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 4)
public class OpenApiTexts implements OASFilter {

    static final String RESOURCE = "openapi/texts.yaml";

    private static final Map<String, Object> TEXTS = load();

    /** An example several operations show, by convention (OpenApiErrors), named as in the file's shared part. */
    static Object shared(String name) {
        Object example = map(TEXTS.get("shared")).get(name);
        if (example == null) {
            throw new IllegalStateException(RESOURCE + " has no shared example '" + name + "'");
        }
        return example;
    }

    /** The operations the file has texts for, by operationId. */
    static Map<String, Object> operations() {
        return map(TEXTS.get("operations"));
    }

    /** A request body's example, by operationId and name: a test sends it, so an example that fails is found. */
    public static Map<String, Object> requestExample(String operationId, String name) {
        Map<String, Object> example =
                map(map(map(operations().get(operationId)).get("request")).get(name));
        if (example.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + " has no request example '" + name + "' of " + operationId);
        }
        return example;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getInfo() != null && TEXTS.get("info") instanceof String description) {
            api.getInfo().setDescription(description);
        }
        Map<String, Object> tags = map(TEXTS.get("tags"));
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> {
                if (tag.getDescription() == null && tags.get(tag.getName()) instanceof String description) {
                    tag.setDescription(description);
                }
            });
            // The file's order, not SmallRye's alphabetical one: Swagger UI lists the tags as the document does,
            // and Predictions, the ledger, came seventh. A tag the file does not name goes last.
            List<String> order = new ArrayList<>(tags.keySet());
            api.setTags(api.getTags().stream()
                    .sorted(Comparator.comparingInt(tag -> {
                        int at = order.indexOf(tag.getName());
                        return at < 0 ? order.size() : at;
                    }))
                    .toList());
        }
        if (api.getPaths() != null) {
            api.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations()
                            .values()
                            .forEach(operation ->
                                    operation(operation, map(operations().get(operation.getOperationId())))));
        }
    }

    private static void operation(Operation operation, Map<String, Object> texts) {
        texts.forEach((key, value) -> {
            String[] where = key.split(" ", 2);
            String media = where.length == 2 ? where[1] : null;
            switch (where[0]) {
                case "description" -> operation.setDescription((String) value);
                case "parameters" ->
                    map(value)
                            .forEach((name, description) -> operation.getParameters().stream()
                                    .filter(p -> p.getName().equals(name) && p.getDescription() == null)
                                    .forEach(p -> p.setDescription((String) description)));
                case "request" -> examples(operation.getRequestBody().getContent(), media, map(value));
                default -> {
                    if (!where[0].matches("[1-5]\\d\\d")) {
                        // A misspelt key would otherwise become a response of that name.
                        throw new IllegalStateException(
                                RESOURCE + ": " + operation.getOperationId() + " has an entry '" + key + "'");
                    }
                    response(operation, where[0], media, value);
                }
            }
        });
    }

    /** A response's entry: its description, or a map of its description and examples. */
    private static void response(Operation operation, String status, String media, Object texts) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        Object description = texts instanceof String ? texts : map(texts).get("description");
        if (description != null && isUnsaid(response.getDescription())) {
            response.setDescription((String) description);
        }
        Map<String, Object> examples =
                texts instanceof String ? Map.of() : map(map(texts).get("examples"));
        if (!examples.isEmpty()) {
            if (response.getContent() == null) {
                // An error response: OpenApiErrors gives it the problem document's schema.
                response.setContent(
                        OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()));
            }
            examples(response.getContent(), media, examples);
        }
    }

    /** The examples, on the media type named, or on the first (a variant's type may carry parameters: ;qs=0.5). */
    private static void examples(Content content, String media, Map<String, Object> examples) {
        MediaType target = content.getMediaTypes().entrySet().stream()
                .filter(e ->
                        media == null || e.getKey().split(";", 2)[0].strip().equals(media))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + ": no media type " + media));
        examples.forEach((name, example) ->
                target.addExample(name, OASFactory.createExample().value(example)));
    }

    private static boolean isUnsaid(String description) {
        return description == null || OpenApiSuccesses.GENERATED.contains(description);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
