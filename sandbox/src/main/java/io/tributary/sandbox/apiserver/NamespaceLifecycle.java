package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Namespaces as a real cluster has them: the built-in ones exist from the start; content can only
 * be created in an existing, active namespace; deleting a namespace marks it Terminating, deletes
 * everything in it (finalizers and graceful pod deletion still apply) and removes it once empty.
 */
final class NamespaceLifecycle {
    static final String STORAGE_KEY = "/namespaces";
    static final List<String> INITIAL =
            List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private final ObjectStore store;
    private final ResourceTypeRegistry registry;

    NamespaceLifecycle(ObjectStore store, ResourceTypeRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** 404 when the namespace does not exist, 403 when it is being terminated. */
    void requireActive(String namespace) {
        StoredObject object = store.get(STORAGE_KEY, "", namespace);
        if (object == null) {
            throw ApiError.namespaceNotFound(namespace);
        }
        if (object.deleting()) {
            throw ApiError.forbidden(
                    "unable to create new content in namespace %s because it is being terminated"
                            .formatted(namespace));
        }
    }

    StoredObject terminate(StoredObject namespace, ObjectDeleter deleter) {
        StoredObject current = namespace;
        if (!current.deleting()) {
            ObjectNode copy = current.copy();
            ObjectNode metadata = Json.metadata(copy);
            metadata.put("deletionTimestamp", Json.timestamp(Instant.now()));
            metadata.put("deletionGracePeriodSeconds", 0);
            copy.putObject("status").put("phase", "Terminating");
            current = store.put(STORAGE_KEY, copy);
        }
        for (StoredObject object : store.inNamespace(namespace.name(), namespacedKeys())) {
            StoredObject latest = store.byUid(object.uid());
            if (latest != null && !latest.deleting()) {
                deleter.delete(deleter.typeOf(latest), latest, DeleteOptions.DEFAULT);
            }
        }
        StoredObject latest = store.get(STORAGE_KEY, "", namespace.name());
        return latest == null ? current : deleter.removeIfFinished(latest);
    }

    /** After an object in a namespace left the store: removes the namespace if it was the last. */
    void contentRemoved(String namespace, ObjectDeleter deleter) {
        StoredObject object = store.get(STORAGE_KEY, "", namespace);
        if (object != null && object.deleting()) {
            deleter.removeIfFinished(object);
        }
    }

    boolean isEmpty(String namespace) {
        return store.inNamespace(namespace, namespacedKeys()).isEmpty();
    }

    private List<String> namespacedKeys() {
        return registry.storageTypes().stream()
                .filter(ResourceType::namespaced)
                .map(ResourceType::storageKey)
                .toList();
    }
}
