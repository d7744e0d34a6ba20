package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored version of an object: the tree (never modified once stored), its serialized JSON and
 * the metadata the indexes use.
 */
final class StoredObject {
    private final String storageKey;
    private final String namespace;
    private final String name;
    private final String uid;
    private final long resourceVersion;
    private final ObjectNode object;
    private final byte[] json;
    private final Map<String, String> labels;

    StoredObject(String storageKey, ObjectNode object) {
        this.storageKey = storageKey;
        this.object = object;
        this.namespace = nullToEmpty(Json.text(object, "metadata", "namespace"));
        this.name = Json.text(object, "metadata", "name");
        this.uid = Json.text(object, "metadata", "uid");
        this.resourceVersion = Long.parseLong(Json.text(object, "metadata", "resourceVersion"));
        this.json = Json.bytes(object);
        Map<String, String> map = new LinkedHashMap<>();
        object.path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        this.labels = Map.copyOf(map);
    }

    String storageKey() {
        return storageKey;
    }

    /** The namespace, empty for cluster-scoped objects. */
    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    String uid() {
        return uid;
    }

    long resourceVersion() {
        return resourceVersion;
    }

    Map<String, String> labels() {
        return labels;
    }

    /** The stored tree; callers must not modify it (use {@link #copy()}). */
    ObjectNode object() {
        return object;
    }

    ObjectNode copy() {
        return object.deepCopy();
    }

    /** The object as JSON, with the apiVersion of the kind it is served as. */
    byte[] jsonAs(ResourceType type) {
        if (type == null || type.servesAs(object)) {
            return json;
        }
        ObjectNode converted = copy();
        converted.put("apiVersion", type.apiVersion());
        return Json.bytes(converted);
    }

    /** The index key within the store: {@code namespace/name}. */
    String key() {
        return namespace + "/" + name;
    }

    /** Whether {@code metadata.deletionTimestamp} is set. */
    boolean deleting() {
        return object.path("metadata").hasNonNull("deletionTimestamp");
    }

    JsonNode finalizers() {
        return object.path("metadata").path("finalizers");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
