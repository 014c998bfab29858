package app.hindsight.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts the API description's prose and examples, kept in one place ({@value #RESOURCE}), into the document: each
 * tag's description, and by operationId each operation's description and its examples (the request body's, and a
 * response's by status). A resource class says what an operation is (its id and summary, the responses particular
 * to it); the longer texts and the example documents are read here, not written between the endpoints.
 */
// Priority 2: after OpenApiResponses, so the responses it derives are there to take their examples.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 2)
public class OpenApiTexts implements OASFilter {

    static final String RESOURCE = "openapi/texts.yaml";

    private static final Map<String, Object> TEXTS = load();

    /** An example several operations show, by convention (OpenApiResponses), named as in the file's shared part. */
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

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Object> tags = map(TEXTS.get("tags"));
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> {
                if (tag.getDescription() == null && tags.get(tag.getName()) instanceof String description) {
                    tag.setDescription(description);
                }
            });
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

    /**
     * An operation's entry: {@code description}; {@code request} (the body's examples, by name); a status code (that
     * response's examples). {@code request} and a status may name a media type after a space ({@code 200 text/csv})
     * when there are several.
     */
    private static void operation(Operation operation, Map<String, Object> texts) {
        texts.forEach((key, value) -> {
            if (key.equals("description")) {
                operation.setDescription((String) value);
                return;
            }
            String[] where = key.split(" ", 2);
            Content content = where[0].equals("request")
                    ? operation.getRequestBody().getContent()
                    : operation.getResponses().getAPIResponse(where[0]).getContent();
            MediaType media = where.length == 2
                    ? content.getMediaType(where[1])
                    : content.getMediaTypes().values().iterator().next();
            map(value)
                    .forEach((name, example) ->
                            media.addExample(name, OASFactory.createExample().value(example)));
        });
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
