package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kafka 4.3.1 to 4.4.0 under a continuous producer: every node rolls onto the new image, no
 * acknowledged record is lost or duplicated, metadata.version is finalised afterwards, and a
 * downgrade below it is refused without touching anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaUpgradeIT {
    private static final String NAME = "my-cluster";

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private KafkaClients kafka;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "upgrade-it");
        KafkaCluster cluster = Clusters.example("kafka-cluster.yaml");
        cluster.getSpec().setKafkaVersion(KafkaVersion.V4_3_1);
        clusters.create(cluster);
        clusters.awaitReady(NAME);
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        kafka = new KafkaClients(clusters.bootstrap(NAME));
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    @Order(1)
    void upgradingRollsEveryNodeWithoutLossThenFinalisesMetadataVersion() throws Exception {
        KafkaCluster before = clusters.get(NAME);
        assertThat(before.getStatus().getKafkaVersion()).isEqualTo("4.3.1");
        assertThat(before.getStatus().getMetadataVersion()).isEqualTo("4.3-IV0");
        kafka.createTopic("payments", 3, 3, 2);

        try (PodHistory history = new PodHistory(client, clusters.namespace());
                ContinuousProducer producer = new ContinuousProducer(kafka, "payments")) {
            Thread.sleep(2_000);
            clusters.edit(
                    NAME,
                    c -> {
                        c.getSpec().setKafkaVersion(KafkaVersion.V4_4_0);
                        return c;
                    });
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "the upgrade roll to start",
                    Duration.ofSeconds(60),
                    () -> {
                        var roll = clusters.get(NAME).getStatus().getRoll();
                        return roll != null && roll.getReason().startsWith("image ");
                    });
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "Kafka 4.4.0 on every node and metadata.version 4.4-IV2 finalised",
                    Duration.ofMinutes(4),
                    () -> {
                        KafkaCluster current = clusters.get(NAME);
                        return Clusters.isReadyForCurrentGeneration(current)
                                && current.getStatus().getRoll() == null
                                && "4.4.0".equals(current.getStatus().getKafkaVersion())
                                && "4.4-IV2".equals(current.getStatus().getMetadataVersion());
                    });
            producer.stop();

            assertThat(producer.failures()).as("failed sends").isEmpty();
            assertThat(history.incarnations())
                    .as("each pod restarted exactly once")
                    .allSatisfy((pod, count) -> assertThat(count).isEqualTo(2));
            List<String> acknowledged = producer.acknowledged();
            Map<String, Long> read =
                    kafka.consumeAll("payments", "read_committed", acknowledged.size()).stream()
                            .collect(
                                    Collectors.groupingBy(
                                            Function.identity(), Collectors.counting()));
            assertThat(acknowledged).hasSizeGreaterThan(100);
            assertThat(read.keySet()).containsAll(acknowledged);
            assertThat(read.values()).allMatch(c -> c == 1);
        }
    }

    @Test
    @Order(2)
    void aDowngradeBelowTheFinalisedMetadataVersionIsRefused() {
        String stsVersion =
                client.apps()
                        .statefulSets()
                        .inNamespace(clusters.namespace())
                        .withName("my-cluster-brokers")
                        .get()
                        .getMetadata()
                        .getResourceVersion();

        KafkaCluster refused =
                clusters.edit(
                        NAME,
                        c -> {
                            c.getSpec().setKafkaVersion(KafkaVersion.V4_3_1);
                            return c;
                        });

        Eventually.until(
                client,
                clusters.namespace(),
                "Stalled=True KafkaDowngradeBelowMetadataVersion",
                Duration.ofMinutes(1),
                () ->
                        clusters.get(NAME)
                                .getStatus()
                                .findCondition(Condition.STALLED)
                                .filter(c -> c.getStatus() == ConditionStatus.TRUE)
                                .filter(
                                        c ->
                                                c.getObservedGeneration()
                                                        == refused.getMetadata().getGeneration())
                                .filter(
                                        c ->
                                                "KafkaDowngradeBelowMetadataVersion"
                                                        .equals(c.getReason()))
                                .isPresent());
        assertThat(
                        client.apps()
                                .statefulSets()
                                .inNamespace(clusters.namespace())
                                .withName("my-cluster-brokers")
                                .get()
                                .getMetadata()
                                .getResourceVersion())
                .isEqualTo(stsVersion);
    }
}
