package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.time.Duration;
import java.util.HashMap;
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
 * Rolling restarts of the small example cluster while an application writes to it: every node
 * restarts exactly once, no acknowledged record is lost or duplicated, and the roll survives the
 * operator stopping half way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartIT {
    private static final String NAME = "my-cluster";
    private static final Duration ROLL_TIMEOUT = Duration.ofMinutes(4);

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private KafkaClients kafka;

    @BeforeAll
    void start() throws Exception {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "roll-it");
        clusters.create(Clusters.example("kafka-cluster.yaml"));
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
    void aConfigChangeThatNeedsARestartRollsEveryNodeWithoutLosingARecord() throws Exception {
        kafka.createTopic("orders", 3, 3, 2);
        try (PodHistory history = new PodHistory(client, clusters.namespace());
                ContinuousProducer producer = new ContinuousProducer(kafka, "orders")) {
            Thread.sleep(2_000);
            KafkaCluster changed =
                    clusters.edit(
                            NAME,
                            c -> {
                                c.getSpec().getConfig().put("auto.create.topics.enable", "false");
                                return c;
                            });

            awaitRollOf(changed, "broker configuration changed");
            Thread.sleep(2_000);
            producer.stop();

            assertThat(producer.failures()).as("failed sends").isEmpty();
            assertThat(history.incarnations())
                    .as("each pod restarted exactly once")
                    .containsOnlyKeys(
                            "my-cluster-brokers-0", "my-cluster-brokers-1", "my-cluster-brokers-2")
                    .allSatisfy((pod, count) -> assertThat(count).isEqualTo(2));
            assertEveryRecordExactlyOnce("orders", producer.acknowledged());
        }
    }

    @Test
    @Order(2)
    void aManualRollOfOnePodRestartsThatPodOnly() throws Exception {
        try (PodHistory history = new PodHistory(client, clusters.namespace())) {
            client.pods()
                    .inNamespace(clusters.namespace())
                    .withName("my-cluster-brokers-1")
                    .edit(
                            p -> {
                                p.getMetadata()
                                        .getAnnotations()
                                        .put("kafka.tributary.io/manual-roll", "true");
                                return p;
                            });

            Eventually.until(
                    client,
                    clusters.namespace(),
                    "pod my-cluster-brokers-1 replaced and the roll finished",
                    ROLL_TIMEOUT,
                    () ->
                            history.incarnations().getOrDefault("my-cluster-brokers-1", 0) == 2
                                    && clusters.get(NAME).getStatus().getRoll() == null
                                    && Clusters.isReadyForCurrentGeneration(clusters.get(NAME)));

            assertThat(history.incarnations())
                    .containsEntry("my-cluster-brokers-0", 1)
                    .containsEntry("my-cluster-brokers-1", 2)
                    .containsEntry("my-cluster-brokers-2", 1);
        }
    }

    @Test
    @Order(3)
    void aRollResumesFromItsStatusAfterTheOperatorStopsHalfWay() throws Exception {
        try (PodHistory history = new PodHistory(client, clusters.namespace());
                ContinuousProducer producer = new ContinuousProducer(kafka, "orders")) {
            KafkaCluster changed =
                    clusters.edit(
                            NAME,
                            c -> {
                                Map<String, String> annotations =
                                        c.getMetadata().getAnnotations() == null
                                                ? new HashMap<>()
                                                : c.getMetadata().getAnnotations();
                                annotations.put("kafka.tributary.io/manual-roll", "true");
                                c.getMetadata().setAnnotations(annotations);
                                return c;
                            });
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "the first pod of the manual roll restarted",
                    ROLL_TIMEOUT,
                    () -> {
                        var roll = clusters.get(NAME).getStatus().getRoll();
                        return roll != null && !roll.getRestarted().isEmpty();
                    });
            environment.stopOperator();
            Map<String, Integer> atStop = history.incarnations();
            List<String> beingReplaced =
                    clusters.get(NAME).getStatus().getRoll().getRestarting().stream()
                            .map(r -> r.getPod())
                            .toList();
            Thread.sleep(5_000);
            // A pod deleted just before the stop comes back (the StatefulSet recreates it); no
            // other pod is touched while the operator is away.
            Map<String, Integer> afterPause = new HashMap<>(history.incarnations());
            beingReplaced.forEach(afterPause::remove);
            Map<String, Integer> expected = new HashMap<>(atStop);
            beingReplaced.forEach(expected::remove);
            assertThat(afterPause)
                    .as("no pod restarts while the operator is stopped")
                    .isEqualTo(expected);
            environment.startOperator();

            Eventually.until(
                    client,
                    clusters.namespace(),
                    "the manual roll finished and its annotation removed",
                    ROLL_TIMEOUT,
                    () -> {
                        KafkaCluster current = clusters.get(NAME);
                        return current.getStatus().getRoll() == null
                                && !current.getMetadata()
                                        .getAnnotations()
                                        .containsKey("kafka.tributary.io/manual-roll");
                    });
            producer.stop();

            assertThat(history.incarnations())
                    .as("each pod restarted exactly once across the operator restart")
                    .allSatisfy((pod, count) -> assertThat(count).isEqualTo(2));
            assertThat(producer.failures()).as("failed sends").isEmpty();
            assertThat(changed.getMetadata().getGeneration())
                    .isEqualTo(clusters.get(NAME).getMetadata().getGeneration());
        }
    }

    @Test
    @Order(4)
    void aBrokerKilledDuringARollIsWaitedForAndTheRollCompletes() throws Exception {
        try (PodHistory history = new PodHistory(client, clusters.namespace());
                ContinuousProducer producer = new ContinuousProducer(kafka, "orders")) {
            // A pause between nodes gives the test a moment when no pod is being restarted, so the
            // kill below is the only disruption and the roll must name it.
            clusters.edit(
                    NAME,
                    c -> {
                        c.getSpec().getRollout().setPauseSeconds(8);
                        c.getMetadata()
                                .getAnnotations()
                                .put("kafka.tributary.io/manual-roll", "true");
                        return c;
                    });
            String[] killed = new String[1];
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "a pause after a first pod restarted by the roll, with more to go",
                    ROLL_TIMEOUT,
                    () -> {
                        var roll = clusters.get(NAME).getStatus().getRoll();
                        if (roll == null
                                || roll.getRestarted().isEmpty()
                                || !"pausing between nodes".equals(roll.getMessage())) {
                            return false;
                        }
                        killed[0] = roll.getRestarted().get(0);
                        return true;
                    });
            environment.killKafka(clusters.namespace(), killed[0]);

            Eventually.until(
                    client,
                    clusters.namespace(),
                    "the roll to say it waits for " + killed[0],
                    Duration.ofSeconds(60),
                    () -> {
                        var roll = clusters.get(NAME).getStatus().getRoll();
                        return roll != null
                                && roll.getMessage() != null
                                && roll.getMessage().contains(killed[0]);
                    });
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "the roll to finish after " + killed[0] + " came back",
                    ROLL_TIMEOUT,
                    () -> {
                        KafkaCluster current = clusters.get(NAME);
                        return current.getStatus().getRoll() == null
                                && Clusters.isReadyForCurrentGeneration(current);
                    });
            producer.stop();

            assertThat(history.incarnations())
                    .as("each pod replaced once; the killed one restarted in place")
                    .allSatisfy((pod, count) -> assertThat(count).isEqualTo(2));
            assertThat(
                            client.pods()
                                    .inNamespace(clusters.namespace())
                                    .withName(killed[0])
                                    .get()
                                    .getStatus()
                                    .getContainerStatuses()
                                    .get(0)
                                    .getRestartCount())
                    .isGreaterThanOrEqualTo(1);
            assertThat(producer.failures()).as("failed sends").isEmpty();
        }
    }

    private void awaitRollOf(KafkaCluster changed, String reason) {
        Eventually.until(
                client,
                clusters.namespace(),
                "a roll (" + reason + ") to start",
                Duration.ofSeconds(60),
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    return current.getStatus().getRoll() != null
                            && current.getStatus().getRoll().getReason().equals(reason);
                });
        Eventually.until(
                client,
                clusters.namespace(),
                "the roll to finish and generation "
                        + changed.getMetadata().getGeneration()
                        + " to be Ready",
                ROLL_TIMEOUT,
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    return current.getStatus().getRoll() == null
                            && Clusters.isReadyForCurrentGeneration(current);
                });
    }

    private void assertEveryRecordExactlyOnce(String topic, List<String> acknowledged) {
        List<String> read = kafka.consumeAll(topic, "read_committed", acknowledged.size());
        Map<String, Long> counts =
                read.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(acknowledged).as("records acknowledged").hasSizeGreaterThan(100);
        assertThat(counts.keySet())
                .as("every acknowledged record is read")
                .containsAll(acknowledged);
        assertThat(counts.values()).as("no record is read twice").allMatch(c -> c == 1);
    }
}
