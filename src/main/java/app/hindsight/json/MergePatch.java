package app.hindsight.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.hindsight.shared.InvalidInput;

/** RFC 7386 JSON merge patch: reading one, and applying it to a document. */
public final class MergePatch {

    private MergePatch() {}

    /**
     * A merge patch's body, read by the same strict parser as every other body (duplicate fields, trailing
     * documents, invalid UTF-8 and the nesting and number limits are all 400s); null without a body. Whether it
     * is an object is for the caller to say, after it has found what the patch is for.
     */
    public static JsonNode read(ObjectMapper json, byte[] body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(e);
        } catch (IOException e) {
            throw InvalidInput.of("body", "unreadable");
        }
    }

    /** An object merges member by member, null removes a member, any other value replaces. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode merged = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), apply(merged.get(member.getKey()), member.getValue()));
            }
        });
        return merged;
    }
}
