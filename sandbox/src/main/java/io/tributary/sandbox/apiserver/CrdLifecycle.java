package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * CustomResourceDefinitions as the apiextensions server handles them: a created CRD is accepted and
 * Established at once (its kinds appear in discovery); a deleted one is Terminating until its
 * custom resources are gone (deleted with it, finalizers apply), then leaves discovery.
 */
final class CrdLifecycle {
    static final String STORAGE_KEY = BuiltinResourceTypes.CRD_GROUP + "/customresourcedefinitions";

    private final ObjectStore store;
    private final ResourceTypeRegistry registry;

    CrdLifecycle(ObjectStore store, ResourceTypeRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Checks the CRD's names and writes the status the API server maintains. */
    void prepare(ObjectNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        String plural = spec.path("names").path("plural").asText("");
        String kind = spec.path("names").path("kind").asText("");
        String name = Json.text(crd, "metadata", "name");
        ResourceType crdType =
                registry.builtin(BuiltinResourceTypes.CRD_GROUP, "customresourcedefinitions");
        if (group.isEmpty() || plural.isEmpty() || kind.isEmpty()) {
            throw ApiError.invalid(
                    crdType,
                    name,
                    "spec: Required value: group, names.plural and names.kind are required");
        }
        if (!(plural + "." + group).equals(name)) {
            throw ApiError.invalid(
                    crdType,
                    name,
                    "metadata.name: Invalid value: \"%s\": must be spec.names.plural+\".\"+spec.group"
                            .formatted(name));
        }
        if (!spec.path("versions").isArray() || spec.path("versions").isEmpty()) {
            throw ApiError.invalid(
                    crdType,
                    name,
                    "spec.versions: Invalid value: must have exactly one version marked as storage"
                            + " version");
        }
        JsonNode oldStatus = crd.path("status");
        ObjectNode status = crd.putObject("status");
        status.set("acceptedNames", spec.path("names").deepCopy());
        ArrayNode conditions = status.putArray("conditions");
        boolean deleting = crd.path("metadata").hasNonNull("deletionTimestamp");
        conditions.add(
                condition(oldStatus, "NamesAccepted", "True", "NoConflicts", "no conflicts found"));
        conditions.add(
                condition(
                        oldStatus,
                        "Established",
                        "True",
                        "InitialNamesAccepted",
                        "the initial names have been accepted"));
        if (deleting) {
            conditions.add(
                    condition(
                            oldStatus,
                            "Terminating",
                            "True",
                            "InstanceDeletionInProgress",
                            "CustomResource deletion is in progress"));
        }
        ArrayNode stored = status.putArray("storedVersions");
        for (JsonNode version : spec.path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                stored.add(version.path("name").asText());
            }
        }
    }

    /** Serves the kinds of a stored CRD. */
    void established(StoredObject crd) {
        if (!crd.deleting()) {
            registry.register(crd.copy());
        }
    }

    StoredObject terminate(StoredObject crd, ObjectDeleter deleter) {
        StoredObject current = crd;
        if (!current.deleting()) {
            ObjectNode copy = current.copy();
            Json.metadata(copy).put("deletionTimestamp", Json.timestamp(Instant.now()));
            Json.metadata(copy).put("deletionGracePeriodSeconds", 0);
            prepare(copy);
            current = store.put(STORAGE_KEY, copy);
        }
        String key = ResourceTypeRegistry.storageKeyOf(crd.object());
        ResourceType type = registry.byStorageKey(key);
        if (type != null) {
            for (StoredObject object :
                    store.list(key, null, LabelSelector.EVERYTHING, FieldSelector.EVERYTHING)) {
                StoredObject latest = store.byUid(object.uid());
                if (latest != null && !latest.deleting()) {
                    deleter.delete(type, latest, DeleteOptions.DEFAULT);
                }
            }
        }
        StoredObject latest = store.byUid(crd.uid());
        return latest == null ? current : deleter.removeIfFinished(latest);
    }

    boolean hasInstances(StoredObject crd) {
        return store.count(ResourceTypeRegistry.storageKeyOf(crd.object())) > 0;
    }

    /** After a custom resource left the store: removes its CRD if it waited for the last one. */
    void contentRemoved(String storageKey, ObjectDeleter deleter) {
        ResourceType type = registry.byStorageKey(storageKey);
        if (type == null || !type.custom() || store.count(storageKey) > 0) {
            return;
        }
        StoredObject crd = store.get(STORAGE_KEY, "", type.plural() + "." + type.group());
        if (crd != null && crd.deleting()) {
            deleter.removeIfFinished(crd);
        }
    }

    void removed(StoredObject crd) {
        registry.unregister(crd.object());
    }

    private static ObjectNode condition(
            JsonNode oldStatus, String type, String status, String reason, String message) {
        String since = Json.timestamp(Instant.now());
        for (JsonNode old : oldStatus.path("conditions")) {
            if (type.equals(old.path("type").asText())
                    && status.equals(old.path("status").asText())) {
                since = old.path("lastTransitionTime").asText(since);
            }
        }
        ObjectNode condition = Json.MAPPER.createObjectNode();
        condition.put("type", type).put("status", status).put("lastTransitionTime", since);
        condition.put("reason", reason).put("message", message);
        return condition;
    }
}
