package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.operator.cluster.model.ClusterLabels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Broker metrics as Prometheus finds them: the example cluster's pods carry the scrape annotations
 * and a metrics port, and scraping each pod at its address and annotated port and path, as
 * Prometheus' pod discovery does, returns the broker series with values that follow the cluster —
 * one active controller, nothing under-replicated or offline, bytes in rising with traffic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerMetricsIT {
    private static final String NAME = "my-cluster";
    private static final String TOPIC = "metered";
    private static final List<String> SERIES =
            List.of(
                    "kafka_server_replicamanager_underreplicatedpartitions",
                    "kafka_server_replicamanager_underminisrpartitioncount",
                    "kafka_server_replicamanager_isrshrinks_total",
                    "kafka_controller_kafkacontroller_offlinepartitionscount",
                    "kafka_controller_kafkacontroller_activecontrollercount",
                    "kafka_server_brokertopicmetrics_bytesin_total",
                    "kafka_server_brokertopicmetrics_bytesout_total",
                    "kafka_server_brokertopicmetrics_messagesin_total",
                    "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
                    "kafka_network_socketserver_networkprocessoravgidlepercent",
                    "jvm_memory_used_bytes",
                    "jvm_gc_collection_seconds_count");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "metrics-it");
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    @Order(1)
    void brokerPodsTellPrometheusWhereTheirMetricsAre() {
        clusters.create(Clusters.example("kafka-cluster.yaml"));
        clusters.awaitReady(NAME);

        assertThat(pods()).hasSize(3);
        for (Pod pod : pods()) {
            assertThat(pod.getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", "9404")
                    .containsEntry("prometheus.io/path", "/metrics");
            assertThat(pod.getSpec().getContainers().get(0).getPorts())
                    .anySatisfy(
                            port -> {
                                assertThat(port.getName()).isEqualTo("metrics");
                                assertThat(port.getContainerPort()).isEqualTo(9404);
                            });
        }
    }

    @Test
    @Order(2)
    void scrapingTheBrokerPodsFindsTheSeriesWithValuesThatFollowTheCluster() throws Exception {
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "pods and brokers cannot be reached from this JVM in " + environment.name());
        Eventually.until(
                client,
                clusters.namespace(),
                "every broker pod's metrics: one active controller, nothing under-replicated",
                Duration.ofSeconds(60),
                () -> {
                    List<PrometheusMetrics> scrapes = scrapeAll();
                    for (PrometheusMetrics metrics : scrapes) {
                        assertThat(metrics.names()).containsAll(SERIES);
                        assertThat(
                                        metrics.value(
                                                "kafka_server_replicamanager_underreplicatedpartitions"))
                                .isZero();
                        assertThat(
                                        metrics.value(
                                                "kafka_controller_kafkacontroller_offlinepartitionscount"))
                                .isZero();
                    }
                    assertThat(
                                    total(
                                            scrapes,
                                            "kafka_controller_kafkacontroller_activecontrollercount"))
                            .isEqualTo(1.0);
                    return true;
                });

        try (KafkaClients kafka = new KafkaClients(clusters.bootstrap(NAME))) {
            kafka.createTopic(TOPIC, 3, 3, 2);
            kafka.produce(TOPIC, "metered-", 500);
        }

        Map<String, String> topic = Map.of("topic", TOPIC);
        Eventually.until(
                client,
                clusters.namespace(),
                "bytes and messages in of topic " + TOPIC + " to show the 500 records",
                Duration.ofSeconds(60),
                () -> {
                    List<PrometheusMetrics> scrapes = scrapeAll();
                    assertThat(
                                    total(
                                            scrapes,
                                            "kafka_server_brokertopicmetrics_messagesin_total",
                                            topic))
                            .isGreaterThanOrEqualTo(500);
                    assertThat(
                                    total(
                                            scrapes,
                                            "kafka_server_brokertopicmetrics_bytesin_total",
                                            topic))
                            .isGreaterThan(500 * "metered-0".length());
                    assertThat(
                                    total(
                                            scrapes,
                                            "kafka_network_requestmetrics_requests_total",
                                            Map.of("request", "Produce")))
                            .isPositive();
                    return true;
                });
    }

    private List<Pod> pods() {
        return client.pods()
                .inNamespace(clusters.namespace())
                .withLabel(ClusterLabels.CLUSTER, NAME)
                .list()
                .getItems();
    }

    /** Every pod of the cluster, scraped where its annotations and status say. */
    private List<PrometheusMetrics> scrapeAll() throws IOException, InterruptedException {
        List<Pod> pods = pods();
        assertThat(pods).hasSize(3);
        List<PrometheusMetrics> scrapes = new ArrayList<>();
        for (Pod pod : pods) {
            scrapes.add(scrape(pod));
        }
        return scrapes;
    }

    private PrometheusMetrics scrape(Pod pod) throws IOException, InterruptedException {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        URI uri =
                URI.create(
                        "http://"
                                + pod.getStatus().getPodIP()
                                + ":"
                                + annotations.get("prometheus.io/port")
                                + annotations.get("prometheus.io/path"));
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s of pod %s", uri, pod.getMetadata().getName())
                .isEqualTo(200);
        return PrometheusMetrics.parse(response.body());
    }

    private static double total(List<PrometheusMetrics> scrapes, String name) {
        return scrapes.stream().mapToDouble(m -> m.value(name)).sum();
    }

    private static double total(
            List<PrometheusMetrics> scrapes, String name, Map<String, String> labels) {
        return scrapes.stream().mapToDouble(m -> m.sum(name, labels)).sum();
    }
}
