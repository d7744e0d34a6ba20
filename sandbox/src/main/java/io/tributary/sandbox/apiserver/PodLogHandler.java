package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET .../pods/<name>/log}: the log from the {@link PodLogSource}, streamed when followed.
 */
final class PodLogHandler {
    private final ObjectStore store;
    private volatile PodLogSource source = PodLogSource.EMPTY;

    PodLogHandler(ObjectStore store) {
        this.store = store;
    }

    void source(PodLogSource source) {
        this.source = source == null ? PodLogSource.EMPTY : source;
    }

    MockResponse log(ApiRequest request, ResourcePath path) {
        StoredObject pod =
                store.read(() -> store.get(path.type().storageKey(), path.scope(), path.name()));
        if (pod == null) {
            throw ApiError.notFound(path.type(), path.name());
        }
        String container = request.param("container");
        if (container == null || container.isEmpty()) {
            container = Json.text(pod.object().path("spec").path("containers").path(0), "name");
        }
        String tail = request.param("tailLines");
        PodLogSource.Request logRequest =
                new PodLogSource.Request(
                        path.namespace(),
                        path.name(),
                        container,
                        request.flag("follow"),
                        tail == null ? null : Integer.valueOf(tail),
                        request.flag("previous"));
        InputStream in;
        try {
            in = source.open(logRequest);
        } catch (IOException e) {
            throw ApiError.badRequest(
                    "cannot read the log of " + path.name() + ": " + e.getMessage());
        }
        if (!logRequest.follow()) {
            try (InputStream all = in) {
                return ApiResponses.text(
                        200, new String(all.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw ApiError.badRequest(
                        "cannot read the log of " + path.name() + ": " + e.getMessage());
            }
        }
        return new StreamingResponse("text/plain; charset=utf-8", chunks -> stream(in, chunks));
    }

    private static void stream(InputStream in, StreamingResponse.Chunks chunks) {
        AtomicBoolean open = new AtomicBoolean(true);
        chunks.onClose(
                () -> {
                    open.set(false);
                    closeQuietly(in);
                });
        chunks.runBlocking(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (in) {
                        int read;
                        while (open.get() && (read = in.read(buffer)) >= 0) {
                            if (read > 0) {
                                chunks.write(new String(buffer, 0, read, StandardCharsets.UTF_8));
                            }
                        }
                    } catch (IOException e) {
                        // The client went away or the log ended: either way the stream is over.
                    } finally {
                        chunks.end();
                    }
                });
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
