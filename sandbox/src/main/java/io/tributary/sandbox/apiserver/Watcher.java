package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One open watch: filters the changes of its kind by namespace and selectors, turns them into
 * {@code {"type":...,"object":...}} events (an object leaving the selection is DELETED for this
 * watch, one entering it ADDED) and writes them to its connection.
 */
final class Watcher {

    /** Where the events of a watch go: a chunked HTTP response or a websocket. */
    interface Sink {
        /** Sends one event, a JSON object without the trailing newline. */
        void send(String event);

        void close();
    }

    private final ResourceType type;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final Function<StoredObject, byte[]> encoder;
    private final Sink sink;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.List<Runnable> closeActions =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param namespace the namespace watched, {@code null} for all
     * @param encoder how an object is written: as itself, or as a Table row
     */
    Watcher(
            ResourceType type,
            String namespace,
            LabelSelector labels,
            FieldSelector fields,
            Function<StoredObject, byte[]> encoder,
            Sink sink) {
        this.type = type;
        this.namespace = namespace;
        this.labels = labels;
        this.fields = fields;
        this.encoder = encoder;
        this.sink = sink;
    }

    String storageKey() {
        return type.storageKey();
    }

    /** Adds an action to run when the watch ends. */
    void onClose(Runnable action) {
        closeActions.add(action);
    }

    boolean selects(StoredObject object) {
        return (namespace == null || namespace.equals(object.namespace()))
                && labels.matches(object.labels())
                && (fields.isEverything() || fields.matches(object.object()));
    }

    void offer(WatchEvent event) {
        if (closed.get()) {
            return;
        }
        boolean now = selects(event.object());
        switch (event.type()) {
            case ADDED -> {
                if (now) {
                    send("ADDED", event.object());
                }
            }
            case DELETED -> {
                if (now) {
                    send("DELETED", event.object());
                }
            }
            case MODIFIED -> {
                boolean before = selects(event.previous());
                if (now) {
                    send(before ? "MODIFIED" : "ADDED", event.object());
                } else if (before) {
                    send("DELETED", withVersionOf(event.previous(), event.object()));
                }
            }
        }
    }

    /** An object that exists when the watch starts (no resourceVersion given). */
    void sendExisting(StoredObject object) {
        send("ADDED", object);
    }

    /** A BOOKMARK; with {@code initialEventsEnd}, the end of the initial events of a watch-list. */
    void sendBookmark(long resourceVersion, boolean initialEventsEnd) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("kind", type.kind()).put("apiVersion", type.apiVersion());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("resourceVersion", String.valueOf(resourceVersion));
        if (initialEventsEnd) {
            metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        sink.send(event("BOOKMARK", Json.bytes(object)));
    }

    /** An ERROR event with a Status, then the end of the watch (410 Gone, for one). */
    void fail(ApiError error) {
        sink.send(event("ERROR", Json.bytes(error.toStatus())));
        close();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            closeActions.forEach(Runnable::run);
            sink.close();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void send(String eventType, StoredObject object) {
        sink.send(event(eventType, encoder.apply(object)));
    }

    private static String event(String eventType, byte[] object) {
        return "{\"type\":\""
                + eventType
                + "\",\"object\":"
                + new String(object, StandardCharsets.UTF_8)
                + "}";
    }

    private static StoredObject withVersionOf(StoredObject previous, StoredObject current) {
        ObjectNode copy = previous.copy();
        Json.metadata(copy).put("resourceVersion", String.valueOf(current.resourceVersion()));
        return new StoredObject(previous.storageKey(), copy);
    }
}
