package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An approximation of Kubernetes' strategic merge patch: a JSON merge patch in which the lists the
 * built-in types declare with a merge key are merged element by element on that key, chosen by the
 * list's field name wherever it appears (containers, env, volumes... by {@code name}; ports by
 * {@code containerPort} or {@code port}; conditions by {@code type}...), and {@code finalizers}
 * merge as a set. The {@code $patch} (replace, delete), {@code $retainKeys} and {@code
 * $deleteFromPrimitiveList} directives are honoured; {@code $setElementOrder} is ignored (merged
 * lists keep the original order, new elements go last).
 *
 * <p>A real API server reads the merge keys from the Go types per path, so a field with one of
 * these names but no merge key there (rare in the built-in types) is merged here and replaced
 * there; custom resources do not accept strategic merge patches on a real server.
 */
final class StrategicMergePatch {
    private static final Map<String, String> MERGE_KEYS =
            Map.ofEntries(
                    Map.entry("containers", "name"),
                    Map.entry("initContainers", "name"),
                    Map.entry("ephemeralContainers", "name"),
                    Map.entry("env", "name"),
                    Map.entry("volumes", "name"),
                    Map.entry("imagePullSecrets", "name"),
                    Map.entry("resourceClaims", "name"),
                    Map.entry("volumeMounts", "mountPath"),
                    Map.entry("volumeDevices", "devicePath"),
                    Map.entry("hostAliases", "ip"),
                    Map.entry("conditions", "type"),
                    Map.entry("ownerReferences", "uid"),
                    Map.entry("topologySpreadConstraints", "topologyKey"),
                    Map.entry("containerStatuses", "name"),
                    Map.entry("initContainerStatuses", "name"));
    private static final Set<String> SET_LISTS = Set.of("finalizers");
    private static final String DIRECTIVE = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String SET_ELEMENT_ORDER = "$setElementOrder/";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {}

    static JsonNode apply(ObjectNode original, JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiError.badRequest("a strategic merge patch must be a JSON object");
        }
        return mergeObject(original.deepCopy(), (ObjectNode) patch);
    }

    private static JsonNode mergeObject(ObjectNode target, ObjectNode patch) {
        String directive = patch.path(DIRECTIVE).asText("");
        if (directive.equals("replace")) {
            return stripDirectives(patch);
        }
        if (directive.equals("delete")) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(DIRECTIVE)
                    || name.equals(RETAIN_KEYS)
                    || name.startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            if (name.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromList(target, name.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
                continue;
            }
            JsonNode current = target.get(name);
            JsonNode merged;
            if (value.isNull()) {
                merged = null;
            } else if (value.isObject() && current != null && current.isObject()) {
                merged = mergeObject((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray()) {
                merged = mergeList(name, (ArrayNode) current, (ArrayNode) value);
            } else {
                merged = stripDirectives(value);
            }
            if (merged == null) {
                target.remove(name);
            } else {
                target.set(name, merged);
            }
        }
        if (patch.get(RETAIN_KEYS) instanceof ArrayNode retain) {
            Set<String> keep = new HashSet<>();
            retain.forEach(k -> keep.add(k.asText()));
            target.retain(keep);
        }
        return target;
    }

    private static JsonNode mergeList(String name, ArrayNode current, ArrayNode patch) {
        if (SET_LISTS.contains(name)) {
            ArrayNode result = current.deepCopy();
            Set<JsonNode> present = new HashSet<>();
            current.forEach(present::add);
            patch.forEach(
                    value -> {
                        if (present.add(value)) {
                            result.add(value);
                        }
                    });
            return result;
        }
        String key = mergeKey(name, patch);
        if (key == null || hasReplaceDirective(patch)) {
            return stripDirectives(patch);
        }
        ArrayNode result = current.deepCopy();
        for (JsonNode element : patch) {
            JsonNode keyValue = element.get(key);
            int index = keyValue == null ? -1 : indexOf(result, key, keyValue);
            boolean delete = element.path(DIRECTIVE).asText("").equals("delete");
            if (delete) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0 && result.get(index).isObject() && element.isObject()) {
                JsonNode merged = mergeObject((ObjectNode) result.get(index), (ObjectNode) element);
                result.set(index, merged);
            } else {
                result.add(stripDirectives(element));
            }
        }
        return result;
    }

    private static String mergeKey(String name, ArrayNode patch) {
        if (name.equals("ports")) {
            // Container ports merge on containerPort, Service ports on port.
            for (JsonNode element : patch) {
                if (element.has("containerPort")) {
                    return "containerPort";
                }
            }
            return "port";
        }
        return MERGE_KEYS.get(name);
    }

    private static boolean hasReplaceDirective(ArrayNode patch) {
        for (JsonNode element : patch) {
            if (element.isObject()
                    && element.size() == 1
                    && element.path(DIRECTIVE).asText("").equals("replace")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (value.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static void deleteFromList(ObjectNode target, String field, JsonNode values) {
        if (target.get(field) instanceof ArrayNode list) {
            Set<JsonNode> remove = new HashSet<>();
            values.forEach(remove::add);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (remove.contains(list.get(i))) {
                    list.remove(i);
                }
            }
        }
    }

    /** A copy of a patch value without directives, as it is stored when nothing merges with it. */
    private static JsonNode stripDirectives(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            value.properties()
                    .forEach(
                            f -> {
                                String name = f.getKey();
                                if (!name.startsWith("$") && !f.getValue().isNull()) {
                                    copy.set(name, stripDirectives(f.getValue()));
                                }
                            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            for (JsonNode element : value) {
                boolean directiveOnly =
                        element.isObject() && element.size() == 1 && element.has(DIRECTIVE);
                boolean deleted = element.path(DIRECTIVE).asText("").equals("delete");
                if (!directiveOnly && !deleted) {
                    copy.add(stripDirectives(element));
                }
            }
            return copy;
        }
        return value.deepCopy();
    }
}
