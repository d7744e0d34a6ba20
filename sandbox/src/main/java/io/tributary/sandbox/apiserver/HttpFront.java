package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP side of the API server: a Vert.x HTTP/1.1 server on the loopback address that hands each
 * request to a fabric8 mock-server {@link Dispatcher} and writes its {@link MockResponse} back,
 * upgrading to a websocket through fabric8's {@link ServerWebSocketHandler} when the response asks
 * for it.
 *
 * <p>It replaces fabric8's {@code MockWebServer} for one reason: that server writes every response
 * in one piece, while {@code kubectl get -w} and fabric8's HTTP watches need a chunked body that
 * stays open; {@link StreamingResponse}s are streamed here.
 */
final class HttpFront implements AutoCloseable {
    private static final List<String> WEBSOCKET_PROTOCOLS =
            List.of("v4.channel.k8s.io", "v5.channel.k8s.io");

    private final Vertx vertx;
    private final Dispatcher dispatcher;
    private HttpServer server;

    HttpFront(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
    }

    /** Listens on {@code host} with an ephemeral port; returns the port. */
    int start(String host) {
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(host)
                        .setPort(0)
                        .setWebSocketSubProtocols(WEBSOCKET_PROTOCOLS)
                        .setHandle100ContinueAutomatically(true);
        server = vertx.createHttpServer(options).requestHandler(this::handle);
        return await(server.listen()).actualPort();
    }

    private void handle(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        boolean hasBody =
                (length != null && !length.isBlank() && Long.parseLong(length.trim()) > 0)
                        || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (!hasBody) {
            // Without a body, dispatch at once: a websocket upgrade must happen in this call.
            dispatch(request, null);
            return;
        }
        request.body()
                .onSuccess(body -> dispatch(request, body))
                .onFailure(e -> request.response().setStatusCode(400).end());
    }

    private void dispatch(HttpServerRequest request, Buffer body) {
        RecordedRequest recorded =
                new RecordedRequest(
                        request.version().alpnName().toUpperCase(Locale.ROOT),
                        HttpMethod.fromVertx(request.method()),
                        request.uri(),
                        Headers.builder().addAll(request.headers()).build(),
                        new io.fabric8.mockwebserver.http.Buffer(
                                body == null ? new byte[0] : body.getBytes()));
        MockResponse response;
        try {
            response = dispatcher.dispatch(recorded);
        } catch (RuntimeException e) {
            request.response().setStatusCode(500).end(String.valueOf(e.getMessage()));
            return;
        }
        if (response.getWebSocketListener() != null) {
            request.toWebSocket()
                    .onSuccess(new ServerWebSocketHandler(recorded, response))
                    .onFailure(e -> response.getWebSocketListener().onFailure(null, e, response));
            return;
        }
        HttpServerResponse out = request.response();
        out.setStatusCode(response.code());
        response.getHeaders()
                .toMultimap()
                .forEach((name, values) -> out.headers().add(name, values));
        if (response instanceof StreamingResponse streaming) {
            out.setChunked(true);
            out.writeHead();
            streaming.start(new VertxChunks(out));
            return;
        }
        io.fabric8.mockwebserver.http.Buffer content = response.getBody();
        if (content == null || content.size() == 0) {
            out.end();
        } else {
            out.end(Buffer.buffer(content.getBytes()));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            await(server.close());
        }
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server failed", e);
        }
    }

    /** The chunks of a streaming response, on its Vert.x connection. */
    private final class VertxChunks implements StreamingResponse.Chunks {
        private final HttpServerResponse response;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

        VertxChunks(HttpServerResponse response) {
            this.response = response;
            response.closeHandler(v -> closed());
            response.endHandler(v -> closed());
        }

        @Override
        public void write(String chunk) {
            if (!ended.get()) {
                response.write(chunk);
            }
        }

        @Override
        public void end() {
            if (ended.compareAndSet(false, true)) {
                response.end();
            }
        }

        @Override
        public void onClose(Runnable action) {
            closeActions.add(action);
        }

        private void closed() {
            if (closed.compareAndSet(false, true)) {
                ended.set(true);
                closeActions.forEach(Runnable::run);
            }
        }

        @Override
        public void runBlocking(Runnable work) {
            vertx.executeBlocking(
                    () -> {
                        work.run();
                        return null;
                    },
                    false);
        }
    }
}
