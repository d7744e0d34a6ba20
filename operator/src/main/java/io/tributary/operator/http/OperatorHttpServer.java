package io.tributary.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints on one port: {@code /healthz} (liveness), {@code /readyz}
 * (readiness) and {@code /metrics} (Prometheus text format). The JDK's own HTTP server, two
 * threads.
 */
public final class OperatorHttpServer implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OperatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on every interface.
     *
     * @param port 0 for a free one
     * @param health asked on each {@code /healthz} and {@code /readyz}
     * @param metrics asked on each {@code /metrics}
     */
    public static OperatorHttpServer start(
            int port, Supplier<HealthReport> health, Supplier<String> metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        ExecutorService executor =
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread thread = new Thread(r, "tributary-http");
                            thread.setDaemon(true);
                            return thread;
                        });
        server.setExecutor(executor);
        server.createContext(
                "/healthz",
                exchange -> {
                    HealthReport report = health.get();
                    respond(exchange, report.live() ? 200 : 503, "text/plain", text(report, true));
                });
        server.createContext(
                "/readyz",
                exchange -> {
                    HealthReport report = health.get();
                    respond(
                            exchange,
                            report.ready() ? 200 : 503,
                            "text/plain",
                            text(report, false));
                });
        server.createContext(
                "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain", "not found\n"));
        server.start();
        return new OperatorHttpServer(server, executor);
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static String text(HealthReport report, boolean liveness) {
        boolean ok = liveness ? report.live() : report.ready();
        if (ok && (liveness || report.problems().isEmpty())) {
            return "ok\n";
        }
        return String.join("\n", report.problems()) + "\n";
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean exact =
                    exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath());
            if (!exact) {
                status = 404;
                body = "not found\n";
                type = "text/plain";
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                status = 405;
                body = "only GET and HEAD\n";
                type = "text/plain";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
