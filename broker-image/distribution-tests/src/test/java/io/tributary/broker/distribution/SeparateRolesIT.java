package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The usual cluster shape from the Kafka 4.4.0 distribution: a controller-only pool forms the
 * quorum, and a broker-only pool joins it. Each is formatted and judged ready by its own role.
 */
class SeparateRolesIT {
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final BrokerDistribution distribution = BrokerDistribution.of("4.4.0");
    private final NodePool controllers =
            NodePool.controllers("split", distribution, List.of("127.0.0.6"));
    private final NodePool brokers =
            NodePool.brokers(controllers, distribution, List.of("127.0.0.7"));

    @AfterEach
    void killBrokers() {
        brokers.close();
        controllers.close();
    }

    @Test
    void controllerAndBrokerPoolsFormAClusterTogether() throws Exception {
        BrokerProcess controller = controllers.start(0);
        BrokerProcess broker = brokers.start(0);
        controller.awaitReady(READY);
        broker.awaitReady(READY);

        assertThat(controller.probe("/readyz").body())
                .contains(
                        "\"roles\":[\"controller\"]",
                        "controller is leader",
                        "\"brokerState\":null");
        assertThat(controller.log()).contains("node 0 is one of the initial controllers");
        assertThat(broker.probe("/readyz").body())
                .contains(
                        "\"nodeId\":100",
                        "\"roles\":[\"broker\"]",
                        "broker is RUNNING",
                        "\"raftState\":\"observer\"");
        assertThat(broker.log())
                .contains("a broker-only node needs no quorum flag")
                .doesNotContain("--initial-controllers", "--no-initial-controllers");

        // Each node serves the metrics of its own roles: the cluster-wide controller series come
        // from the controllers only, the broker series from the brokers only.
        PrometheusMetrics controllerMetrics = controller.scrapeMetrics();
        assertThat(controllerMetrics.names())
                .containsAll(MetricsEndpointIT.CONTROLLER_SERIES)
                .containsAll(MetricsEndpointIT.JVM_SERIES)
                .doesNotContain("kafka_server_replicamanager_underreplicatedpartitions");
        assertThat(
                        controllerMetrics.value(
                                "kafka_controller_kafkacontroller_activecontrollercount"))
                .isEqualTo(1.0);
        PrometheusMetrics brokerMetrics = broker.scrapeMetrics();
        assertThat(brokerMetrics.names())
                .containsAll(MetricsEndpointIT.BROKER_SERIES)
                .containsAll(MetricsEndpointIT.JVM_SERIES)
                .noneMatch(name -> name.startsWith("kafka_controller_"));
        assertThat(brokerMetrics.value("kafka_server_kafkaserver_brokerstate")).isEqualTo(3.0);

        List<String> values = KafkaClients.values("split", 100);
        KafkaClients.createTopic(brokers.bootstrapServers(), "split", 1, (short) 1, Map.of());
        KafkaClients.produce(brokers.bootstrapServers(), "split", values);
        assertThat(
                        KafkaClients.consume(
                                brokers.bootstrapServers(), "split", 100, Duration.ofSeconds(30)))
                .containsExactlyElementsOf(values);

        broker.assertExitedCleanly(broker.stop(STOP));
        controller.assertExitedCleanly(controller.stop(STOP));
    }
}
