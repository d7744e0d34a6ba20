package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Prometheus JMX exporter of the Kafka 4.4.0 distribution: three combined nodes serve {@code
 * /metrics} on their own addresses with the series of {@code config/metrics.yaml} and the JVM's,
 * with values that follow the cluster (one active controller, nothing under-replicated or offline,
 * bytes and messages in rising with produced records) and nothing outside the rule file's list. A
 * bad metrics port stops the entrypoint with a message naming it.
 */
class MetricsEndpointIT {
    /** Every node with the broker role has these from its start. */
    static final List<String> BROKER_SERIES =
            List.of(
                    "kafka_server_replicamanager_underreplicatedpartitions",
                    "kafka_server_replicamanager_underminisrpartitioncount",
                    "kafka_server_replicamanager_atminisrpartitioncount",
                    "kafka_server_replicamanager_offlinereplicacount",
                    "kafka_server_replicamanager_partitioncount",
                    "kafka_server_replicamanager_leadercount",
                    "kafka_server_replicamanager_reassigningpartitions",
                    "kafka_server_replicamanager_isrshrinks_total",
                    "kafka_server_replicamanager_isrexpands_total",
                    "kafka_server_replicamanager_failedisrupdates_total",
                    "kafka_server_replicafetchermanager_maxlag",
                    "kafka_server_brokertopicmetrics_bytesin_total",
                    "kafka_server_brokertopicmetrics_bytesout_total",
                    "kafka_server_brokertopicmetrics_messagesin_total",
                    "kafka_server_brokertopicmetrics_bytesrejected_total",
                    "kafka_server_brokertopicmetrics_replicationbytesin_total",
                    "kafka_server_brokertopicmetrics_replicationbytesout_total",
                    "kafka_server_brokertopicmetrics_totalproducerequests_total",
                    "kafka_server_brokertopicmetrics_totalfetchrequests_total",
                    "kafka_server_brokertopicmetrics_failedproducerequests_total",
                    "kafka_server_brokertopicmetrics_failedfetchrequests_total",
                    "kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent",
                    "kafka_network_socketserver_networkprocessoravgidlepercent",
                    "kafka_network_requestchannel_requestqueuesize",
                    "kafka_server_kafkaserver_brokerstate",
                    "kafka_log_logmanager_offlinelogdirectorycount");

    /** Every node with the controller role has these from its start. */
    static final List<String> CONTROLLER_SERIES =
            List.of(
                    "kafka_controller_kafkacontroller_activecontrollercount",
                    "kafka_controller_kafkacontroller_offlinepartitionscount",
                    "kafka_controller_kafkacontroller_globaltopiccount",
                    "kafka_controller_kafkacontroller_globalpartitioncount",
                    "kafka_controller_kafkacontroller_preferredreplicaimbalancecount",
                    "kafka_controller_kafkacontroller_activebrokercount",
                    "kafka_controller_kafkacontroller_fencedbrokercount",
                    "kafka_controller_kafkacontroller_metadataerrorcount",
                    "kafka_controller_controllerstats_uncleanleaderelections_total");

    /** What the agent reports of the JVM on every node. */
    static final List<String> JVM_SERIES =
            List.of(
                    "jvm_memory_used_bytes",
                    "jvm_gc_collection_seconds_count",
                    "jvm_threads_current",
                    "process_cpu_seconds_total");

    private static final Duration READY = Duration.ofSeconds(120);
    private static final String TOPIC = "metered";

    private final NodePool pool =
            NodePool.combined(
                    "metrics",
                    BrokerDistribution.of("4.4.0"),
                    List.of("127.0.0.8", "127.0.0.9", "127.0.0.10"));

    @AfterEach
    void killBrokers() {
        pool.close();
    }

    @Test
    void everyNodeServesTheRuleFileSeriesWithValuesThatFollowTheCluster() throws Exception {
        List<BrokerProcess> nodes = pool.startAll();
        nodes.forEach(node -> node.awaitReady(READY));

        for (BrokerProcess node : nodes) {
            PrometheusMetrics metrics = node.scrapeMetrics();
            assertThat(metrics.names())
                    .as("series of %s", node.name())
                    .containsAll(BROKER_SERIES)
                    .containsAll(CONTROLLER_SERIES)
                    .containsAll(JVM_SERIES)
                    .contains("kafka_server_raftmetrics_current_leader");
            assertThat(metrics.value("kafka_server_kafkaserver_brokerstate")).isEqualTo(3.0);
            assertThat(metrics.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        }
        await("one active controller, nothing offline or under-replicated")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<PrometheusMetrics> scrapes = scrape(nodes);
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_controller_kafkacontroller_activecontrollercount"))
                                    .isEqualTo(1.0);
                            assertThat(scrapes)
                                    .allSatisfy(
                                            m -> {
                                                assertThat(
                                                                m.value(
                                                                        "kafka_controller_kafkacontroller_offlinepartitionscount"))
                                                        .isZero();
                                                assertThat(
                                                                m.value(
                                                                        "kafka_server_replicamanager_underreplicatedpartitions"))
                                                        .isZero();
                                            });
                        });

        double bytesInBefore =
                total(scrape(nodes), "kafka_server_brokertopicmetrics_bytesin_total");
        KafkaClients.createTopic(
                pool.bootstrapServers(),
                TOPIC,
                3,
                (short) 3,
                Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        List<String> values = KafkaClients.values("metered-record", 300);
        KafkaClients.produce(pool.bootstrapServers(), TOPIC, values);
        long payloadBytes = values.stream().mapToLong(v -> 2L * v.length()).sum();

        await("bytes and messages in to rise with the records produced")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<PrometheusMetrics> scrapes = scrape(nodes);
                            Map<String, String> topic = Map.of("topic", TOPIC);
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_server_brokertopicmetrics_messagesin_total",
                                                    topic))
                                    .isGreaterThanOrEqualTo(values.size());
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_server_brokertopicmetrics_bytesin_total",
                                                    topic))
                                    .isGreaterThan(payloadBytes);
                            assertThat(
                                            total(
                                                            scrapes,
                                                            "kafka_server_brokertopicmetrics_bytesin_total")
                                                    - bytesInBefore)
                                    .as("the broker-wide series, the one without a topic label")
                                    .isGreaterThan(payloadBytes);
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_network_requestmetrics_requests_total",
                                                    Map.of("request", "Produce")))
                                    .isPositive();
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_network_requestmetrics_requests_total",
                                                    Map.of("request", "FetchFollower")))
                                    .as("followers replicating the topic")
                                    .isPositive();
                            assertThat(
                                            total(
                                                    scrapes,
                                                    "kafka_server_brokertopicmetrics_replicationbytesin_total"))
                                    .isGreaterThan(payloadBytes);
                        });

        for (PrometheusMetrics metrics : scrape(nodes)) {
            List<PrometheusMetrics.Sample> kafka =
                    metrics.samples().stream().filter(s -> s.name().startsWith("kafka_")).toList();
            assertThat(kafka)
                    .as("only the rule file's series are read and served")
                    .hasSizeLessThan(150);
            assertThat(metrics.named("kafka_network_requestmetrics_totaltimems"))
                    .extracting(s -> s.labels().get("request"))
                    .containsOnly("Produce", "FetchConsumer", "FetchFollower");
            assertThat(metrics.names())
                    .filteredOn(n -> n.startsWith("kafka_"))
                    .allMatch(n -> n.equals(n.toLowerCase()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "65536", "123456", "-1", "94 04"})
    void aBadMetricsPortStopsTheEntrypointNamingIt(String port) {
        BrokerProcess node = pool.start(0, Map.of("TRIBUTARY_METRICS_PORT", port));

        assertThat(node.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(node.log())
                .contains(
                        "TRIBUTARY_METRICS_PORT must be a port number from 1 to 65535, not '"
                                + port
                                + "'");
    }

    @Test
    void theMetricsPortMustDifferFromTheHealthPort() {
        BrokerProcess node =
                pool.start(
                        0,
                        Map.of(
                                "TRIBUTARY_METRICS_PORT",
                                "18080",
                                "TRIBUTARY_HEALTH_PORT",
                                "18080"));

        assertThat(node.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(node.log())
                .contains("TRIBUTARY_METRICS_PORT must differ from TRIBUTARY_HEALTH_PORT (18080)");
    }

    private static List<PrometheusMetrics> scrape(List<BrokerProcess> nodes) {
        return nodes.stream().map(BrokerProcess::scrapeMetrics).toList();
    }

    private static double total(List<PrometheusMetrics> scrapes, String name) {
        return scrapes.stream().mapToDouble(m -> m.value(name)).sum();
    }

    private static double total(
            List<PrometheusMetrics> scrapes, String name, Map<String, String> labels) {
        return scrapes.stream().mapToDouble(m -> m.sum(name, labels)).sum();
    }
}
