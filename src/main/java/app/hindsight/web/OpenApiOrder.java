package app.hindsight.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes each operation's parts in one order, whatever order the annotations and the filters gave them: the
 * document is written in the order its fields were set, so without this a convention that fills in a description
 * would move it, and the committed document would change where the API did not. Operations keep the order of
 * SmallRye's annotation reader (summary, description, operationId, ...); responses go by status; parameters,
 * request bodies, responses and media types take the order of the OpenAPI specification.
 */
// Priority -1: after every other filter.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = -1)
public class OpenApiOrder implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(OpenApiOrder::operation));
    }

    private static void operation(Operation op) {
        last(op::getSummary, op::setSummary);
        last(op::getDescription, op::setDescription);
        last(op::getOperationId, op::setOperationId);
        last(op::getTags, op::setTags);
        last(op::getParameters, op::setParameters);
        last(op::getRequestBody, op::setRequestBody);
        last(op::getResponses, op::setResponses);
        last(op::getSecurity, op::setSecurity);
        if (op.getParameters() != null) {
            op.getParameters().forEach(OpenApiOrder::parameter);
        }
        if (op.getRequestBody() != null) {
            requestBody(op.getRequestBody());
        }
        if (op.getResponses() != null) {
            responses(op.getResponses());
        }
    }

    private static void parameter(Parameter p) {
        last(p::getName, p::setName);
        last(p::getIn, p::setIn);
        last(p::getDescription, p::setDescription);
        last(p::getRequired, p::setRequired);
        last(p::getSchema, p::setSchema);
        last(p::getExample, p::setExample);
        last(p::getExamples, p::setExamples);
    }

    private static void requestBody(RequestBody body) {
        last(body::getDescription, body::setDescription);
        last(body::getContent, body::setContent);
        last(body::getRequired, body::setRequired);
        if (body.getContent() != null) {
            body.getContent().getMediaTypes().values().forEach(OpenApiOrder::mediaType);
        }
    }

    private static void responses(APIResponses responses) {
        Map<String, APIResponse> byStatus = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(status -> status.equals("default") ? "9" : status)))
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(byStatus);
        byStatus.values().forEach(response -> {
            last(response::getDescription, response::setDescription);
            last(response::getContent, response::setContent);
            last(response::getHeaders, response::setHeaders);
            if (response.getContent() != null) {
                response.getContent().getMediaTypes().values().forEach(OpenApiOrder::mediaType);
            }
        });
    }

    private static void mediaType(MediaType media) {
        last(media::getSchema, media::setSchema);
        last(media::getExample, media::setExample);
        last(media::getExamples, media::setExamples);
    }

    /** Takes a field out and puts it back, so that it comes after those set before. */
    private static <T> void last(Supplier<T> get, Consumer<T> set) {
        T value = get.get();
        if (value != null) {
            set.accept(null);
            set.accept(value);
        }
    }
}
