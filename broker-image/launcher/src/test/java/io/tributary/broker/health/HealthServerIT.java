package io.tributary.broker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.config.NodeRole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probes a real {@link HealthServer} over HTTP. */
class HealthServerIT {
    private final AtomicReference<Readiness> readiness =
            new AtomicReference<>(new Readiness(true, false, "Kafka is not started yet"));
    private final HttpClient client = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() throws IOException {
        server =
                HealthServer.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        () ->
                                new HealthReport(
                                        readiness.get(),
                                        0,
                                        Set.of(NodeRole.BROKER),
                                        NodeMetrics.NONE));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersReadinessWithTheReason() throws Exception {
        HttpResponse<String> notReady = send("GET", "/readyz");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"ready\":false", "Kafka is not started yet");
        assertThat(notReady.headers().firstValue("Content-Type"))
                .contains("application/json; charset=utf-8");

        readiness.set(new Readiness(true, true, "broker is RUNNING"));
        HttpResponse<String> ready = send("GET", "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"ready\":true", "broker is RUNNING");
    }

    @Test
    void answersLivenessUntilKafkaFails() throws Exception {
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);

        readiness.set(new Readiness(false, false, "Kafka failed or stopped"));
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void answersOnlyItsTwoProbes() throws Exception {
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/readyz/more").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/readyz").statusCode()).isEqualTo(405);
        assertThat(send("HEAD", "/healthz").statusCode()).isEqualTo(200);
    }
}
