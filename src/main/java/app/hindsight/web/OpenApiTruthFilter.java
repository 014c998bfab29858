package app.hindsight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes the API description's schemas say what the service does, in one place rather than on every endpoint:
 * <ul>
 * <li>every parameter has a bounded schema: parameters are named alike across the API (key, id, limit, cursor,
 * the list filters), so their schemas, and the descriptions of those that mean the same everywhere, are given once
 * by name (the query's in {@link QueryParameterTable});</li>
 * <li>a property a schema does not list as required may be null: records serialise an absent value as null, and
 * read one as absent;</li>
 * <li>a problem's {@code type} and {@code instance} are URI references: RFC 9457 allows relative ones, and ours
 * are;</li>
 * <li>a JSON merge patch is an object, though the endpoint reads it as bytes.</li>
 * </ul>
 * The responses every operation shares are OpenApiErrors'.
 */
// Priority 1: after OpenApiErrors and OpenApiTexts, so the inline schemas they write are refined too.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP, priority = 1)
public class OpenApiTruthFilter implements OASFilter {

    // Longer values than the stored ones can match nothing, so these bounds lose a client nothing.
    // A key, as shared.Keys.SLUG, anchored: JSON Schema patterns match anywhere in the value.
    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    // Words of letters, digits, hyphens and escaped dots, separated by |.
    private static final String LITERALS =
            "[A-Za-z0-9-]+(\\\\\\.[A-Za-z0-9-]+)*(\\|[A-Za-z0-9-]+(\\\\\\.[A-Za-z0-9-]+)*)+";

    private static final Map<String, Schema> PATH = Map.of(
            "key", string(80, SLUG),
            // Ids are the numbers the API shows as id; anything else is a 404.
            "id",
                    OASFactory.createSchema()
                            .addType(SchemaType.INTEGER)
                            .format("int64")
                            .minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(Long.MAX_VALUE)),
            "name", string(80, SLUG));

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Map<String, Schema> HEADER = Map.of(
            // One or more entity tags, or *; a version's tag is short.
            "If-Match",
            string(200, null),
            // A reason of up to 1000 characters, each up to 4 bytes of UTF-8, each byte up to 3 when percent-encoded.
            AmendmentHeader.NAME,
            string(12000, null));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Schema problem = components.getSchemas().get(OpenApiErrors.PROBLEM_REF);
        if (problem != null && problem.getProperties() != null) {
            // ProblemMapper always sets these; errors and currentStatus only when they say something.
            problem.setRequired(List.of("type", "title", "status"));
            for (String field : List.of("type", "instance")) {
                Schema property = problem.getProperties().get(field);
                if (property != null) {
                    property.setFormat("uri-reference");
                }
            }
        }
        Schema fieldError = components.getSchemas().get("FieldError");
        if (fieldError != null) {
            fieldError.setRequired(List.of("field", "message"));
        }
        // The ISO-8601 texts the API reads: a date is 10 characters; a period (P6M, P1Y2M) a few.
        bound(components.getSchemas().get("LocalDate"), 10);
        bound(components.getSchemas().get("Period"), 40);
        components.getSchemas().values().forEach(OpenApiTruthFilter::refine);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(OpenApiTruthFilter::operation);
            }
        });
    }

    private static void operation(Operation operation) {
        // Inline schemas (a page written out in an annotation) follow the same rule as the named ones.
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
                if (type.equals(MERGE_PATCH)) {
                    // Read as bytes, so SmallRye says binary; a merge patch (RFC 7386) of a resource is an object.
                    media.setSchema(OASFactory.createSchema().addType(SchemaType.OBJECT));
                }
                refine(media.getSchema());
            });
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream()
                    .filter(response -> response.getContent() != null)
                    .forEach(response ->
                            response.getContent().getMediaTypes().values().forEach(m -> refine(m.getSchema())));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OpenApiTruthFilter::parameter);
        }
    }

    /**
     * A parameter the table knows gets its schema, unless its own says more than a bare type, and its description,
     * unless it has one.
     */
    private static void parameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.QUERY && parameter.getDescription() == null) {
            parameter.setDescription(QueryParameterTable.DESCRIPTIONS.get(parameter.getName()));
        }
        Map<String, Schema> table = switch (parameter.getIn()) {
            case QUERY -> QueryParameterTable.SCHEMAS;
            case PATH -> PATH;
            case HEADER -> HEADER;
            default -> Map.of();
        };
        Schema known = table.get(parameter.getName());
        if (known != null && isBare(parameter.getSchema())) {
            parameter.setSchema(known);
        }
    }

    private static boolean isBare(Schema schema) {
        return schema == null
                || (schema.getRef() == null
                        && schema.getEnumeration() == null
                        && schema.getItems() == null
                        && schema.getMaxLength() == null
                        && schema.getMaximum() == null
                        && schema.getPattern() == null);
    }

    /**
     * Adds null to the types of every property the schema does not require (a property that is a reference
     * becomes "the referenced schema or null"), and bounds patterns that list words; then the same for the
     * inline schemas within.
     */
    private static void refine(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        boundLiterals(schema);
        refine(schema.getItems());
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> withNull = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            refine(property);
            withNull.put(name, required.contains(name) ? property : orNull(property));
        });
        schema.setProperties(withNull);
    }

    private static void bound(Schema schema, int maxLength) {
        if (schema != null && schema.getMaxLength() == null) {
            schema.setMaxLength(maxLength);
        }
    }

    /**
     * A pattern that lists the allowed words (reader|editor|reviewer|admin), as Bean Validation's @Pattern says
     * it on a collection's elements, bounds the length to the longest word. (Not an enum: openapi-generator's
     * Java client does not compile a set of inline enums.)
     */
    private static void boundLiterals(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern == null || schema.getMaxLength() != null || !pattern.matches(LITERALS)) {
            return;
        }
        int longest = 0;
        for (String word : pattern.split("\\|")) {
            longest = Math.max(longest, word.replace("\\.", ".").length());
        }
        schema.setMaxLength(longest);
    }

    private static Schema orNull(Schema property) {
        if (property.getRef() != null) {
            Schema either = OASFactory.createSchema()
                    .anyOf(List.of(
                            OASFactory.createSchema().ref(property.getRef()),
                            OASFactory.createSchema().addType(SchemaType.NULL)))
                    .description(property.getDescription())
                    .deprecated(property.getDeprecated());
            if (property.getExamples() != null) {
                either.setExamples(property.getExamples());
            }
            return either;
        }
        if (property.getType() != null
                && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
        }
        return property;
    }

    static Schema string(int maxLength, String pattern) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
        return pattern == null ? schema : schema.pattern(pattern);
    }
}
