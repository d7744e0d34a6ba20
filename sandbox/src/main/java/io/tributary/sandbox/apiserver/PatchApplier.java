package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a PATCH body by its content type: JSON patch (RFC 6902, fabric8's zjsonpatch), JSON merge
 * patch (RFC 7386) and strategic merge patch (approximated by {@link StrategicMergePatch}).
 * Server-side apply is refused with 415, as the fabric8 mock does.
 */
final class PatchApplier {
    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";

    private PatchApplier() {}

    /** The patched copy of {@code original}. */
    static ObjectNode apply(ObjectNode original, String contentType, byte[] body) {
        String mediaType = mediaType(contentType);
        JsonNode patch = parse(body);
        JsonNode result =
                switch (mediaType) {
                    case JSON_PATCH -> jsonPatch(original, patch);
                    case MERGE_PATCH -> mergePatch(original.deepCopy(), patch);
                    case STRATEGIC_MERGE_PATCH -> StrategicMergePatch.apply(original, patch);
                    default -> throw ApiError.unsupportedMediaType(mediaType);
                };
        if (!(result instanceof ObjectNode object)) {
            throw ApiError.badRequest("the patch does not result in an object");
        }
        return object;
    }

    /** RFC 7386: objects merge, {@code null} removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result =
                target != null && target.isObject()
                        ? (ObjectNode) target
                        : Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(
                        field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static JsonNode jsonPatch(ObjectNode original, JsonNode patch) {
        if (!patch.isArray()) {
            throw ApiError.badRequest("a JSON patch must be an array of operations");
        }
        try {
            return JsonPatch.apply(patch, original);
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw ApiError.unprocessable("the JSON patch cannot be applied: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (node == null) {
                throw ApiError.badRequest("the patch is empty");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("the patch is not valid JSON: " + e.getMessage());
        }
    }

    /** The content type without parameters, lower case. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
