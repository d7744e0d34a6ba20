package io.tributary.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoints over real HTTP on a free port. */
class OperatorHttpServerTest {
    final AtomicReference<HealthReport> health = new AtomicReference<>(HealthReport.starting());
    final HttpClient http = HttpClient.newHttpClient();
    OperatorHttpServer server;

    @BeforeEach
    void start() {
        server = OperatorHttpServer.start(0, health::get, () -> "# metrics\nup 1.0\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> request(String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnAFreePortWhenAskedForZero() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void whileStartingItIsAliveButNotReady() throws Exception {
        assertThat(request("GET", "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = request("GET", "/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("informers are syncing");
    }

    @Test
    void readyOnceTheOperatorIs() throws Exception {
        health.set(HealthReport.of(List.of()));

        HttpResponse<String> ready = request("GET", "/readyz");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ok\n");
    }

    @Test
    void aStoppedInformerFailsLiveness() throws Exception {
        health.set(
                HealthReport.of(
                        List.of(
                                new HealthReport.InformerState(
                                        "kafkacluster", "Pod", "", false, true, false))));

        HttpResponse<String> live = request("GET", "/healthz");

        assertThat(live.statusCode()).isEqualTo(503);
        assertThat(live.body()).contains("kafkacluster/Pod: stopped");
    }

    @Test
    void metricsInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = request("GET", "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).isEqualTo("# metrics\nup 1.0\n");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> head = request("HEAD", "/healthz");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(request("GET", "/").statusCode()).isEqualTo(404);
        assertThat(request("GET", "/metrics/extra").statusCode()).isEqualTo(404);
        assertThat(request("GET", "/healthzz").statusCode()).isEqualTo(404);
        assertThat(request("POST", "/metrics").statusCode()).isEqualTo(405);
    }
}
