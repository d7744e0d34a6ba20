package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Applies a structural schema's {@code default}s to an object, top-down, as the API server does: a
 * missing field with a default gets a copy of it, and the defaulted value is defaulted in turn.
 * Defaults never create a field's parent object.
 */
final class SchemaDefaulter {
    private SchemaDefaulter() {}

    /** Defaults {@code value} in place. */
    static void applyDefaults(JsonNode value, JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                JsonNode propertySchema = property.getValue();
                if (!object.has(property.getKey()) && propertySchema.has("default")) {
                    object.set(property.getKey(), propertySchema.get("default").deepCopy());
                }
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode childSchema = properties.get(field.getKey());
                if (childSchema == null && schema.path("additionalProperties").isObject()) {
                    childSchema = schema.get("additionalProperties");
                }
                applyDefaults(field.getValue(), childSchema);
            }
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            for (JsonNode item : array) {
                applyDefaults(item, schema.get("items"));
            }
        }
    }
}
