package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DELETE with the semantics of a real API server: preconditions, finalizers (the object stays,
 * marked with a deletionTimestamp, until its finalizers are gone), graceful deletion of pods bound
 * to a node (they stay until a DELETE with grace period 0, which the kubelet sends), propagation to
 * dependents through the {@link GarbageCollector}, and the terminating of namespaces and CRDs.
 */
final class ObjectDeleter {
    static final String FOREGROUND_FINALIZER = "foregroundDeletion";
    private static final long DEFAULT_POD_GRACE_SECONDS = 30;

    private final ObjectStore store;
    private final ResourceTypeRegistry registry;
    private final GarbageCollector collector;
    private final NamespaceLifecycle namespaces;
    private final CrdLifecycle crds;

    ObjectDeleter(
            ObjectStore store,
            ResourceTypeRegistry registry,
            NamespaceLifecycle namespaces,
            CrdLifecycle crds) {
        this.store = store;
        this.registry = registry;
        this.collector = new GarbageCollector(store, registry);
        this.namespaces = namespaces;
        this.crds = crds;
    }

    /** Deletes one object; the result is its state afterwards (its last state if it is gone). */
    StoredObject delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        return store.write(
                () -> {
                    StoredObject object =
                            store.get(type.storageKey(), type.namespaced() ? namespace : "", name);
                    if (object == null) {
                        throw ApiError.notFound(type, name);
                    }
                    checkPreconditions(type, object, options);
                    return options.dryRun() ? object : delete(type, object, options);
                });
    }

    /** Deletes every object a DELETE on a collection selects; the result is their states. */
    List<StoredObject> deleteCollection(
            ResourceType type,
            String namespace,
            LabelSelector labels,
            FieldSelector fields,
            DeleteOptions options) {
        return store.write(
                () -> {
                    List<StoredObject> result = new ArrayList<>();
                    for (StoredObject object :
                            store.list(type.storageKey(), namespace, labels, fields)) {
                        result.add(options.dryRun() ? object : delete(type, object, options));
                    }
                    return result;
                });
    }

    /** Deletes a stored object; callers hold the write lock. */
    StoredObject delete(ResourceType type, StoredObject object, DeleteOptions options) {
        if (type.group().isEmpty() && type.plural().equals("namespaces")) {
            return namespaces.terminate(object, this);
        }
        if (type.group().equals(BuiltinResourceTypes.CRD_GROUP)) {
            return crds.terminate(object, this);
        }
        if (options.propagation() == DeleteOptions.Propagation.ORPHAN) {
            collector.orphanDependents(object);
        }
        StoredObject current = object;
        if (options.propagation() == DeleteOptions.Propagation.FOREGROUND
                && !store.dependents(object.uid()).isEmpty()) {
            current = markDeleting(current, FOREGROUND_FINALIZER, null);
            collector.deleteDependents(current, this);
            StoredObject latest = store.byUid(current.uid());
            return latest == null ? current : latest;
        }
        if (isBoundPod(type, current)) {
            long grace = gracePeriod(current, options);
            if (grace > 0) {
                long pending =
                        current.object()
                                .path("metadata")
                                .path("deletionGracePeriodSeconds")
                                .asLong(Long.MAX_VALUE);
                return current.deleting() && pending <= grace
                        ? current
                        : markDeleting(current, null, grace);
            }
            if (current.finalizers().size() > 0) {
                return markDeleting(current, null, 0L);
            }
            return removeNow(current);
        }
        if (current.finalizers().size() > 0) {
            return current.deleting() ? current : markDeleting(current, null, null);
        }
        return removeNow(current);
    }

    /**
     * Removes an object being deleted once nothing holds it any more: no finalizers, and for a
     * namespace no content, for a CRD no custom resources, for a bound pod the kubelet's final
     * DELETE. Returns its state afterwards.
     */
    StoredObject removeIfFinished(StoredObject object) {
        if (!object.deleting() || object.finalizers().size() > 0) {
            return object;
        }
        ResourceType type = registry.byStorageKey(object.storageKey());
        if (type != null && type.group().isEmpty()) {
            if (type.plural().equals("namespaces") && !namespaces.isEmpty(object.name())) {
                return object;
            }
            if (isBoundPod(type, object)
                    && object.object().path("metadata").path("deletionGracePeriodSeconds").asLong(0)
                            > 0) {
                return object;
            }
        }
        if (object.storageKey().equals(CrdLifecycle.STORAGE_KEY) && crds.hasInstances(object)) {
            return object;
        }
        return removeNow(object);
    }

    /** Removes an object from the store, then lets what depended on it move on. */
    private StoredObject removeNow(StoredObject object) {
        StoredObject removed = store.remove(object);
        if (object.storageKey().equals(CrdLifecycle.STORAGE_KEY)) {
            crds.removed(object);
        }
        collector.ownerRemoved(object, this);
        collector.dependentRemoved(object, this);
        if (!object.namespace().isEmpty()) {
            namespaces.contentRemoved(object.namespace(), this);
        }
        crds.contentRemoved(object.storageKey(), this);
        return removed;
    }

    /** Sets the deletionTimestamp (now plus the grace period) and optionally a finalizer. */
    StoredObject markDeleting(StoredObject object, String finalizer, Long graceSeconds) {
        ObjectNode copy = object.copy();
        ObjectNode metadata = Json.metadata(copy);
        if (graceSeconds != null) {
            metadata.put(
                    "deletionTimestamp", Json.timestamp(Instant.now().plusSeconds(graceSeconds)));
            metadata.put("deletionGracePeriodSeconds", graceSeconds);
        } else if (!metadata.has("deletionTimestamp")) {
            metadata.put("deletionTimestamp", Json.timestamp(Instant.now()));
            metadata.put("deletionGracePeriodSeconds", 0);
        }
        if (finalizer != null) {
            ArrayNode finalizers =
                    metadata.get("finalizers") instanceof ArrayNode existing
                            ? existing
                            : metadata.putArray("finalizers");
            boolean present = false;
            for (JsonNode f : finalizers) {
                present |= f.asText().equals(finalizer);
            }
            if (!present) {
                finalizers.add(finalizer);
            }
        }
        return store.put(object.storageKey(), copy);
    }

    ResourceType typeOf(StoredObject object) {
        return registry.byStorageKey(object.storageKey());
    }

    private static void checkPreconditions(
            ResourceType type, StoredObject object, DeleteOptions options) {
        if (options.preconditionUid() != null && !options.preconditionUid().equals(object.uid())) {
            throw ApiError.conflict(
                    type,
                    object.name(),
                    "Precondition failed: UID in precondition: %s, UID in object meta: %s"
                            .formatted(options.preconditionUid(), object.uid()));
        }
        String version = options.preconditionResourceVersion();
        if (version != null && !version.equals(String.valueOf(object.resourceVersion()))) {
            throw ApiError.conflict(
                    type,
                    object.name(),
                    ("Precondition failed: ResourceVersion in precondition: %s, ResourceVersion in"
                                    + " object meta: %d")
                            .formatted(version, object.resourceVersion()));
        }
    }

    private static boolean isBoundPod(ResourceType type, StoredObject object) {
        return type != null
                && type.group().isEmpty()
                && type.plural().equals("pods")
                && !object.object().path("spec").path("nodeName").asText("").isEmpty();
    }

    private static long gracePeriod(StoredObject pod, DeleteOptions options) {
        if (options.gracePeriodSeconds() != null) {
            return Math.max(0, options.gracePeriodSeconds());
        }
        JsonNode fromSpec = pod.object().path("spec").path("terminationGracePeriodSeconds");
        return fromSpec.isNumber() ? fromSpec.asLong() : DEFAULT_POD_GRACE_SECONDS;
    }
}
