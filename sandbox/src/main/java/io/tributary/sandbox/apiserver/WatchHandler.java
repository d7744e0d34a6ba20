package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Watches ({@code ?watch=true}), over a chunked HTTP response (kubectl, fabric8's HTTP watch) or a
 * websocket (fabric8's default): from a resourceVersion (replayed from the {@link WatchHub}
 * history, or an ERROR 410 Gone event when too old), or from now with an ADDED event per existing
 * object; {@code sendInitialEvents} ends the initial events with a BOOKMARK; {@code timeoutSeconds}
 * ends the watch. Events are objects, or Table rows when kubectl asks for a Table.
 */
final class WatchHandler {
    private final ObjectStore store;
    private final WatchHub hub;
    private final ScheduledExecutorService timer;
    private final Duration bookmarkInterval;

    WatchHandler(
            ObjectStore store,
            WatchHub hub,
            ScheduledExecutorService timer,
            Duration bookmarkInterval) {
        this.store = store;
        this.hub = hub;
        this.timer = timer;
        this.bookmarkInterval = bookmarkInterval;
    }

    MockResponse watch(ApiRequest request, ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
        String fieldSelector = request.param("fieldSelector");
        if (path.name() != null) {
            String byName = "metadata.name=" + path.name();
            fieldSelector =
                    fieldSelector == null || fieldSelector.isBlank()
                            ? byName
                            : fieldSelector + "," + byName;
        }
        FieldSelector fields = FieldSelector.parse(fieldSelector);
        ResourceType type = path.type();
        String include = request.param("includeObject");
        Function<StoredObject, byte[]> encoder =
                request.acceptsTable()
                        ? o ->
                                Json.bytes(
                                        TableConverter.table(
                                                type, List.of(o), o.resourceVersion(), include))
                        : o -> o.jsonAs(type);
        Start start = Start.of(request, request.flag("allowWatchBookmarks"));
        long timeoutSeconds = parseLong(request.param("timeoutSeconds"), 0);
        if (request.isWebSocketUpgrade()) {
            return new MockResponse()
                    .withWebSocketUpgrade(
                            new WebSocketListener() {
                                private Watcher watcher;

                                @Override
                                public void onOpen(WebSocket socket, Response response) {
                                    watcher =
                                            new Watcher(
                                                    type,
                                                    path.namespace(),
                                                    labels,
                                                    fields,
                                                    encoder,
                                                    socketSink(socket));
                                    begin(watcher, start, timeoutSeconds);
                                }

                                @Override
                                public void onClosing(WebSocket socket, int code, String reason) {
                                    closeWatcher();
                                }

                                @Override
                                public void onClosed(WebSocket socket, int code, String reason) {
                                    closeWatcher();
                                }

                                @Override
                                public void onFailure(
                                        WebSocket socket, Throwable error, Response response) {
                                    closeWatcher();
                                }

                                private void closeWatcher() {
                                    if (watcher != null) {
                                        watcher.close();
                                    }
                                }
                            });
        }
        return new StreamingResponse(
                "application/json",
                chunks -> {
                    Watcher watcher =
                            new Watcher(
                                    type,
                                    path.namespace(),
                                    labels,
                                    fields,
                                    encoder,
                                    chunkSink(chunks));
                    chunks.onClose(watcher::close);
                    begin(watcher, start, timeoutSeconds);
                });
    }

    /** Where a watch starts, from its query parameters. */
    private record Start(
            long resourceVersion, boolean fromNow, boolean initialEvents, boolean bookmarks) {
        static Start of(ApiRequest request, boolean bookmarks) {
            String version = request.param("resourceVersion");
            boolean initialEvents = request.flag("sendInitialEvents");
            boolean fromNow =
                    version == null || version.isEmpty() || version.equals("0") || initialEvents;
            return new Start(
                    fromNow ? 0 : parseLong(version, 0), fromNow, initialEvents, bookmarks);
        }
    }

    private void begin(Watcher watcher, Start start, long timeoutSeconds) {
        watcher.onClose(() -> hub.remove(watcher));
        try {
            store.read(
                    () -> {
                        if (start.fromNow()) {
                            for (StoredObject object :
                                    store.list(
                                            watcher.storageKey(),
                                            null,
                                            LabelSelector.EVERYTHING,
                                            FieldSelector.EVERYTHING)) {
                                if (watcher.selects(object)) {
                                    watcher.sendExisting(object);
                                }
                            }
                            if (start.initialEvents()) {
                                watcher.sendBookmark(store.resourceVersion(), true);
                            }
                            hub.add(watcher);
                        } else {
                            hub.subscribe(watcher, start.resourceVersion());
                        }
                        return null;
                    });
        } catch (ApiError gone) {
            watcher.fail(gone);
            return;
        }
        if (timeoutSeconds > 0) {
            ScheduledFuture<?> timeout =
                    timer.schedule(watcher::close, timeoutSeconds, TimeUnit.SECONDS);
            watcher.onClose(() -> timeout.cancel(false));
        }
        if (start.bookmarks()) {
            // Like a real API server, tell the client now and then how far it is up to date, so
            // that it can resume from there rather than from an older, maybe evicted, version.
            long every = bookmarkInterval.toMillis();
            ScheduledFuture<?> bookmarks =
                    timer.scheduleAtFixedRate(
                            () -> bookmark(watcher), every, every, TimeUnit.MILLISECONDS);
            watcher.onClose(() -> bookmarks.cancel(false));
        }
    }

    /** Sent under the read lock: every change up to the version sent has been offered. */
    private void bookmark(Watcher watcher) {
        store.read(
                () -> {
                    if (!watcher.isClosed()) {
                        watcher.sendBookmark(store.resourceVersion(), false);
                    }
                    return null;
                });
    }

    private static Watcher.Sink chunkSink(StreamingResponse.Chunks chunks) {
        return new Watcher.Sink() {
            @Override
            public void send(String event) {
                chunks.write(event + "\n");
            }

            @Override
            public void close() {
                chunks.end();
            }
        };
    }

    private static Watcher.Sink socketSink(WebSocket socket) {
        return new Watcher.Sink() {
            @Override
            public void send(String event) {
                socket.send(event);
            }

            @Override
            public void close() {
                socket.close(1000, "watch closed");
            }
        };
    }

    private static long parseLong(String value, long fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("not a number: " + value);
        }
    }
}
