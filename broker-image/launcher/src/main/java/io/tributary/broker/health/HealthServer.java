package io.tributary.broker.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves the pod's probes: {@code GET /healthz} (liveness) and {@code GET /readyz} (readiness, with
 * a JSON body saying why), each 200 when true and 503 when not.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HealthServer start(InetSocketAddress address, Supplier<HealthReport> reports)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "tributary-health");
                            thread.setDaemon(true);
                            return thread;
                        });
        server.setExecutor(executor);
        server.createContext(
                "/healthz",
                exchange -> {
                    HealthReport report = reports.get();
                    boolean live = report.readiness().live();
                    respond(exchange, live ? 200 : 503, "text/plain", live ? "ok\n" : "failed\n");
                });
        server.createContext(
                "/readyz",
                exchange -> {
                    HealthReport report = reports.get();
                    respond(
                            exchange,
                            report.readiness().ready() ? 200 : 503,
                            "application/json",
                            report.toJson() + "\n");
                });
        server.start();
        return new HealthServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
