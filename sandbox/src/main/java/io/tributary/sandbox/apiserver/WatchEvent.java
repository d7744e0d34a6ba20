package io.tributary.sandbox.apiserver;

/**
 * One change in the store.
 *
 * @param object the new state; for DELETED, the last state with the deletion's resourceVersion
 * @param previous the state before, {@code null} for ADDED
 */
record WatchEvent(Type type, StoredObject object, StoredObject previous) {

    /** The watch event types the store produces. */
    enum Type {
        ADDED,
        MODIFIED,
        DELETED
    }

    long resourceVersion() {
        return object.resourceVersion();
    }
}
