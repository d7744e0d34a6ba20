package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what a structural schema does not allow, as the API server does before storing a custom
 * resource: fields the schema does not list, and {@code null} values of fields that are not
 * nullable. Reports the paths of the unknown fields it dropped.
 */
final class SchemaPruner {
    /** Top-level fields every object may carry; the API server handles them itself. */
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private SchemaPruner() {}

    /** Prunes {@code object} in place and returns the paths of the unknown fields removed. */
    static List<String> prune(ObjectNode object, JsonNode rootSchema) {
        List<String> unknown = new ArrayList<>();
        pruneObject(object, rootSchema, "", true, unknown);
        return unknown;
    }

    private static void pruneValue(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (value instanceof ObjectNode object) {
            pruneObject(object, schema, path, false, out);
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                pruneValue(array.get(i), schema.get("items"), path + "[" + i + "]", out);
            }
        }
    }

    private static void pruneObject(
            ObjectNode object, JsonNode schema, String path, boolean root, List<String> out) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (root && ROOT_FIELDS.contains(name)) {
                continue;
            }
            JsonNode childSchema = properties.get(name);
            if (childSchema == null && additional.isObject()) {
                childSchema = additional;
            }
            if (childSchema == null) {
                if (!preserveUnknown && !additional.asBoolean(false)) {
                    out.add(childPath);
                    fields.remove();
                }
                continue;
            }
            if (field.getValue().isNull() && !childSchema.path("nullable").asBoolean()) {
                fields.remove();
                continue;
            }
            pruneValue(field.getValue(), childSchema, childPath, out);
        }
    }
}
