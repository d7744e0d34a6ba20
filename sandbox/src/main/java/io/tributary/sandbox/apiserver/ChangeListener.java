package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hears every change of one kind inside the API server's JVM, with no watch: for benchmarks, whose
 * own watch would cost the API server about as much as the operator's. Called under the store's
 * write lock, so it must be quick and must not change the object.
 */
@FunctionalInterface
public interface ChangeListener {
    /**
     * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
     * @param object the object as stored (for DELETED, its last state)
     */
    void changed(String type, ObjectNode object);
}
