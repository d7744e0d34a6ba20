package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Garbage collection by {@code ownerReferences} (matched by uid), done at once rather than by a
 * background controller: a removed owner takes its dependents with it when none of their other
 * owners exists (Background); an owner deleted in the Foreground waits, with the {@code
 * foregroundDeletion} finalizer, until its dependents are gone; Orphan strips the owner's reference
 * from its dependents.
 */
final class GarbageCollector {
    private final ObjectStore store;
    private final ResourceTypeRegistry registry;

    GarbageCollector(ObjectStore store, ResourceTypeRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Removes the ownerReferences to {@code owner} from its dependents. */
    void orphanDependents(StoredObject owner) {
        for (StoredObject dependent : store.dependents(owner.uid())) {
            ObjectNode copy = dependent.copy();
            ObjectNode metadata = Json.metadata(copy);
            ArrayNode kept = Json.MAPPER.createArrayNode();
            for (JsonNode reference : metadata.path("ownerReferences")) {
                if (!owner.uid().equals(reference.path("uid").asText())) {
                    kept.add(reference);
                }
            }
            if (kept.isEmpty()) {
                metadata.remove("ownerReferences");
            } else {
                metadata.set("ownerReferences", kept);
            }
            store.put(dependent.storageKey(), copy);
        }
    }

    /** Deletes the dependents of an owner being deleted in the foreground. */
    void deleteDependents(StoredObject owner, ObjectDeleter deleter) {
        DeleteOptions foreground =
                DeleteOptions.DEFAULT.withPropagation(DeleteOptions.Propagation.FOREGROUND);
        for (StoredObject dependent : store.dependents(owner.uid())) {
            StoredObject current = store.byUid(dependent.uid());
            ResourceType type = registry.byStorageKey(dependent.storageKey());
            if (current != null && type != null && !current.deleting()) {
                deleter.delete(type, current, foreground);
            }
        }
        StoredObject latest = store.byUid(owner.uid());
        if (latest != null) {
            releaseIfDependentsGone(latest, deleter);
        }
    }

    /** After an owner left the store: deletes the dependents none of whose owners is left. */
    void ownerRemoved(StoredObject owner, ObjectDeleter deleter) {
        for (StoredObject dependent : store.dependents(owner.uid())) {
            StoredObject current = store.byUid(dependent.uid());
            if (current == null || current.deleting() || hasLiveOwner(current)) {
                continue;
            }
            ResourceType type = registry.byStorageKey(current.storageKey());
            if (type != null) {
                deleter.delete(type, current, DeleteOptions.DEFAULT);
            }
        }
    }

    /** After a dependent left the store: releases owners waiting for it in the foreground. */
    void dependentRemoved(StoredObject dependent, ObjectDeleter deleter) {
        for (String ownerUid : ObjectStore.ownerUids(dependent.object())) {
            StoredObject owner = store.byUid(ownerUid);
            if (owner != null) {
                releaseIfDependentsGone(owner, deleter);
            }
        }
    }

    private void releaseIfDependentsGone(StoredObject owner, ObjectDeleter deleter) {
        if (!hasForegroundFinalizer(owner) || !store.dependents(owner.uid()).isEmpty()) {
            return;
        }
        ObjectNode copy = owner.copy();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (JsonNode finalizer : owner.finalizers()) {
            if (!finalizer.asText().equals(ObjectDeleter.FOREGROUND_FINALIZER)) {
                kept.add(finalizer);
            }
        }
        if (kept.isEmpty()) {
            Json.metadata(copy).remove("finalizers");
        } else {
            Json.metadata(copy).set("finalizers", kept);
        }
        deleter.removeIfFinished(store.put(owner.storageKey(), copy));
    }

    private boolean hasLiveOwner(StoredObject dependent) {
        for (String uid : ObjectStore.ownerUids(dependent.object())) {
            if (store.byUid(uid) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasForegroundFinalizer(StoredObject object) {
        for (JsonNode finalizer : object.finalizers()) {
            if (finalizer.asText().equals(ObjectDeleter.FOREGROUND_FINALIZER)) {
                return true;
            }
        }
        return false;
    }
}
