/**
 * The sandbox's Kubernetes API server.
 *
 * <p>{@link io.tributary.sandbox.apiserver.ApiServer} is the facade. Requests arrive at {@code
 * HttpFront} (Vert.x, loopback, HTTP/1.1 with chunked streaming and websocket upgrades), which
 * hands them to {@code ApiDispatcher}, a fabric8 mock-server {@code Dispatcher}. Discovery and
 * OpenAPI documents are built from the {@code ResourceTypeRegistry} (built-in kinds plus the kinds
 * of the CRDs in the store). Reads go to the {@code ObjectStore}, indexed by kind, namespace/name,
 * label, uid and owner uid; writes go through {@code ResourceOperations} (object semantics,
 * admission of custom resources) and {@code ObjectDeleter} (finalizers, graceful pod deletion,
 * {@code GarbageCollector}, namespace and CRD termination). Every change is published to the {@code
 * WatchHub}, which feeds open watches and keeps a bounded history for watches that start from a
 * resourceVersion.
 */
package io.tributary.sandbox.apiserver;
