package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The objects, indexed: by kind and {@code namespace/name} (hash map for look-ups, sorted map for
 * namespace listings), by label, by uid and by owner uid. A look-up, a list by label and an update
 * cost what they touch, never a scan of the store. Every write takes the next value of the one
 * global resourceVersion counter and is published to the {@link WatchHub}.
 *
 * <p>Callers hold {@link #write} around a whole request (check, then change) and {@link #read}
 * around reads, so that a request sees and leaves a consistent store.
 */
final class ObjectStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, StoredObject> byUid = new HashMap<>();
    private final Map<String, Set<String>> dependentUidsByOwnerUid = new HashMap<>();
    private final WatchHub hub;
    private long resourceVersion;

    /** The objects of one kind. */
    private static final class Table {
        final Map<String, StoredObject> byKey = new HashMap<>();
        final NavigableMap<String, StoredObject> sorted = new TreeMap<>();
        final LabelIndex labels = new LabelIndex();
    }

    ObjectStore(WatchHub hub) {
        this.hub = hub;
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The last resourceVersion handed out. */
    long resourceVersion() {
        return resourceVersion;
    }

    StoredObject get(String storageKey, String namespace, String name) {
        Table table = tables.get(storageKey);
        return table == null ? null : table.byKey.get(namespace + "/" + name);
    }

    StoredObject byUid(String uid) {
        return uid == null ? null : byUid.get(uid);
    }

    int count(String storageKey) {
        Table table = tables.get(storageKey);
        return table == null ? 0 : table.byKey.size();
    }

    /**
     * The objects of a kind in a namespace ({@code null}: all namespaces) that match both
     * selectors, sorted by namespace and name.
     */
    List<StoredObject> list(
            String storageKey, String namespace, LabelSelector labels, FieldSelector fields) {
        Table table = tables.get(storageKey);
        if (table == null) {
            return List.of();
        }
        String name = fields.equalityValue("metadata.name");
        if (name != null && namespace != null) {
            StoredObject one = table.byKey.get(namespace + "/" + name);
            return one != null && matches(one, labels, fields) ? List.of(one) : List.of();
        }
        Collection<String> candidates = table.labels.candidates(labels);
        List<StoredObject> result = new ArrayList<>();
        if (candidates != null) {
            for (String key : candidates) {
                StoredObject object = table.byKey.get(key);
                if ((namespace == null || object.namespace().equals(namespace))
                        && matches(object, labels, fields)) {
                    result.add(object);
                }
            }
            result.sort(
                    java.util.Comparator.comparing(StoredObject::namespace)
                            .thenComparing(StoredObject::name));
            return result;
        }
        Collection<StoredObject> scope =
                namespace == null
                        ? table.sorted.values()
                        : table.sorted.subMap(namespace + "/", namespace + "0").values();
        for (StoredObject object : scope) {
            if (matches(object, labels, fields)) {
                result.add(object);
            }
        }
        return result;
    }

    /** Every object in a namespace, of the given kinds. */
    List<StoredObject> inNamespace(String namespace, Collection<String> storageKeys) {
        List<StoredObject> result = new ArrayList<>();
        for (String key : storageKeys) {
            Table table = tables.get(key);
            if (table != null) {
                result.addAll(table.sorted.subMap(namespace + "/", namespace + "0").values());
            }
        }
        return result;
    }

    /** The objects with an ownerReference to this uid. */
    List<StoredObject> dependents(String ownerUid) {
        Set<String> uids = dependentUidsByOwnerUid.getOrDefault(ownerUid, Set.of());
        List<StoredObject> result = new ArrayList<>(uids.size());
        for (String uid : uids) {
            result.add(byUid.get(uid));
        }
        return result;
    }

    /**
     * Stores a new object or a new version of one, with the next resourceVersion, and publishes
     * ADDED or MODIFIED. The tree is owned by the store from now on.
     */
    StoredObject put(String storageKey, ObjectNode object) {
        Json.metadata(object).put("resourceVersion", String.valueOf(++resourceVersion));
        StoredObject stored = new StoredObject(storageKey, object);
        Table table = tables.computeIfAbsent(storageKey, k -> new Table());
        StoredObject previous = table.byKey.put(stored.key(), stored);
        table.sorted.put(stored.key(), stored);
        if (previous != null) {
            unindex(table, previous);
        }
        table.labels.add(stored);
        byUid.put(stored.uid(), stored);
        for (String owner : ownerUids(stored.object())) {
            dependentUidsByOwnerUid.computeIfAbsent(owner, k -> new HashSet<>()).add(stored.uid());
        }
        hub.publish(
                new WatchEvent(
                        previous == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED,
                        stored,
                        previous));
        return stored;
    }

    /** Removes an object for good and publishes DELETED with its last state. */
    StoredObject remove(StoredObject current) {
        Table table = tables.get(current.storageKey());
        if (table == null || table.byKey.get(current.key()) != current) {
            throw new IllegalStateException("not the stored version: " + current.key());
        }
        table.byKey.remove(current.key());
        table.sorted.remove(current.key());
        unindex(table, current);
        ObjectNode last = current.copy();
        Json.metadata(last).put("resourceVersion", String.valueOf(++resourceVersion));
        StoredObject removed = new StoredObject(current.storageKey(), last);
        hub.publish(new WatchEvent(WatchEvent.Type.DELETED, removed, current));
        return removed;
    }

    private void unindex(Table table, StoredObject object) {
        table.labels.remove(object);
        byUid.remove(object.uid(), object);
        for (String owner : ownerUids(object.object())) {
            Set<String> dependents = dependentUidsByOwnerUid.get(owner);
            if (dependents != null && dependents.remove(object.uid()) && dependents.isEmpty()) {
                dependentUidsByOwnerUid.remove(owner);
            }
        }
    }

    private static boolean matches(
            StoredObject object, LabelSelector labels, FieldSelector fields) {
        return labels.matches(object.labels())
                && (fields.isEverything() || fields.matches(object.object()));
    }

    static List<String> ownerUids(JsonNode object) {
        List<String> uids = new ArrayList<>();
        for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
            String uid = reference.path("uid").asText("");
            if (!uid.isEmpty()) {
                uids.add(uid);
            }
        }
        return uids;
    }
}
