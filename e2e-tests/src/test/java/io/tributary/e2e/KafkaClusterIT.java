package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The small example cluster, end to end: it becomes Ready for its generation, applications produce,
 * consume and use transactions on it, a change moves observedGeneration, an invalid change changes
 * nothing and says why, and deleting it removes it all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterIT {
    static final String NAME = "my-cluster";

    TributaryEnvironment environment;
    KubernetesClient client;
    Clusters clusters;
    KafkaClients kafka;

    String target() {
        return System.getProperty(TributaryEnvironment.TARGET_PROPERTY, "sandbox");
    }

    String unavailable;

    @BeforeAll
    void start() {
        try {
            environment = Environments.start(getClass().getSimpleName(), target());
        } catch (Environments.Unavailable e) {
            unavailable = e.getMessage();
            return;
        }
        client = environment.client();
        clusters = new Clusters(client, "kafka-it");
    }

    @BeforeEach
    void requireEnvironment() {
        Assumptions.assumeTrue(environment != null, () -> "skipped, not passed: " + unavailable);
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
    void theExampleClusterBecomesReadyForItsGeneration() {
        KafkaCluster created = clusters.create(Clusters.example("kafka-cluster.yaml"));
        KafkaCluster ready = clusters.awaitReady(NAME);

        assertThat(ready.getStatus().getObservedGeneration())
                .isEqualTo(created.getMetadata().getGeneration());
        assertThat(ready.getStatus().getClusterId()).isNotBlank();
        assertThat(ready.getStatus().getKafkaVersion()).isEqualTo("4.4.0");
        assertThat(ready.getStatus().getMetadataVersion()).isEqualTo("4.4-IV2");
        assertThat(ready.getStatus().getBrokersReady()).isEqualTo("3/3");
        assertThat(ready.getStatus().getHealth().getOfflinePartitions()).isZero();
        assertThat(ready.getStatus().getHealth().getActiveController()).isIn(0, 1, 2);
        assertThat(ready.getStatus().getNodes())
                .extracting(NodeStatus::getId)
                .containsExactly(0, 1, 2);
        assertThat(ready.getStatus().getNodes()).allSatisfy(n -> assertThat(n.isReady()).isTrue());
        assertThat(ready.getStatus().getListeners())
                .singleElement()
                .satisfies(
                        l ->
                                assertThat(l.getBootstrapServers())
                                        .isEqualTo("my-cluster-plain-bootstrap.kafka-it.svc:9092"));
        StatefulSet sts =
                client.apps()
                        .statefulSets()
                        .inNamespace(clusters.namespace())
                        .withName("my-cluster-brokers")
                        .get();
        assertThat(sts.getMetadata().getOwnerReferences().get(0).getUid())
                .isEqualTo(created.getMetadata().getUid());
    }

    @Test
    @Order(2)
    void anIdempotentProducerAndAConsumerGroupRoundTripEveryRecord() throws Exception {
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        kafka = new KafkaClients(clusters.bootstrap(NAME));
        kafka.createTopic("orders", 3, 3, 2);
        kafka.produce("orders", "order-", 200);

        List<String> consumed =
                kafka.consumeAsGroup("orders", "orders-service", 200, "read_uncommitted");

        assertThat(consumed).hasSize(200).doesNotHaveDuplicates();
        long committed =
                kafka
                        .admin()
                        .listConsumerGroupOffsets("orders-service")
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS)
                        .values()
                        .stream()
                        .mapToLong(o -> o.offset())
                        .sum();
        assertThat(committed).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aReadCommittedConsumerSeesExactlyTheCommittedTransactions() throws Exception {
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        kafka.createTopic("payments", 3, 3, 2);
        Properties config = kafka.producerConfig();
        config.put("transactional.id", "payments-writer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            transaction(producer, "committed-a-", 50, true);
            transaction(producer, "aborted-", 30, false);
            transaction(producer, "committed-b-", 20, true);
        }

        List<String> committed = kafka.consumeAll("payments", "read_committed", 70);
        List<String> everything = kafka.consumeAll("payments", "read_uncommitted", 100);

        assertThat(committed).hasSize(70).noneMatch(v -> v.startsWith("aborted-"));
        assertThat(everything).hasSize(100);
    }

    @Test
    @Order(4)
    void aSpecChangeMovesObservedGenerationWithoutRestartingAnyone() throws Exception {
        Map<String, String> podsBefore = podUids();
        KafkaCluster before = clusters.get(NAME);
        clusters.edit(
                NAME,
                c -> {
                    c.getSpec().getConfig().put("log.retention.ms", "3600000");
                    return c;
                });

        KafkaCluster after = clusters.awaitReady(NAME);

        assertThat(after.getMetadata().getGeneration())
                .isEqualTo(before.getMetadata().getGeneration() + 1);
        assertThat(after.getStatus().getObservedGeneration())
                .isEqualTo(after.getMetadata().getGeneration());
        assertThat(podUids()).as("no pod restarted").isEqualTo(podsBefore);
        if (environment.kafkaReachable()) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "log.retention.ms applied to broker 0 without a restart",
                    Duration.ofSeconds(30),
                    () -> {
                        ConfigEntry retention =
                                kafka.admin()
                                        .describeConfigs(List.of(broker))
                                        .all()
                                        .get(30, TimeUnit.SECONDS)
                                        .get(broker)
                                        .get("log.retention.ms");
                        return "3600000".equals(retention.value())
                                && retention.source()
                                        == ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG;
                    });
        }
    }

    @Test
    @Order(5)
    void aPausedClusterHoldsASpecChangeUntilResumed() throws Exception {
        String configMapVersion = configMap().getMetadata().getResourceVersion();
        setPause(true);
        clusters.edit(
                NAME,
                c -> {
                    c.getSpec().getConfig().put("log.retention.ms", "7200000");
                    return c;
                });

        Eventually.until(
                client,
                clusters.namespace(),
                "the paused cluster to say it is paused and stalled",
                Duration.ofSeconds(30),
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    return condition(current, "ReconciliationPaused") == ConditionStatus.TRUE
                            && condition(current, Condition.STALLED) == ConditionStatus.TRUE;
                });
        Thread.sleep(6_000);
        assertThat(configMap().getMetadata().getResourceVersion())
                .as("the paused operator changed the broker ConfigMap")
                .isEqualTo(configMapVersion);
        if (environment.kafkaReachable()) {
            assertThat(brokerRetention()).isEqualTo("3600000");
        }

        setPause(false);
        KafkaCluster resumed = clusters.awaitReady(NAME);

        assertThat(resumed.getStatus().findCondition("ReconciliationPaused")).isEmpty();
        if (environment.kafkaReachable()) {
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "log.retention.ms=7200000 on broker 0 after resuming",
                    Duration.ofSeconds(30),
                    () -> "7200000".equals(brokerRetention()));
        }
    }

    @Test
    @Order(6)
    void aChangeTheApiServerRefusesIsNotStored() {
        long generation = clusters.get(NAME).getMetadata().getGeneration();
        KubernetesClientException refused =
                catchThrowableOfType(
                        KubernetesClientException.class,
                        () ->
                                clusters.edit(
                                        NAME,
                                        c -> {
                                            c.getSpec().getBrokers().setReplicas(4);
                                            return c;
                                        }));
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("spec.brokers.replicas");
        assertThat(clusters.get(NAME).getMetadata().getGeneration()).isEqualTo(generation);
    }

    @Test
    @Order(7)
    void aChangeTheOperatorRefusesChangesNothingAndSaysWhy() {
        Map<String, String> podsBefore = podUids();
        String stsVersion = statefulSet().getMetadata().getResourceVersion();
        KafkaCluster refused =
                clusters.edit(
                        NAME,
                        c -> {
                            c.getSpec().getListeners().get(0).setTls(true);
                            return c;
                        });

        Eventually.until(
                client,
                clusters.namespace(),
                "Stalled=True for generation " + refused.getMetadata().getGeneration(),
                Duration.ofMinutes(1),
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    return current.getStatus()
                            .findCondition(Condition.STALLED)
                            .filter(c -> c.getStatus() == ConditionStatus.TRUE)
                            .filter(
                                    c ->
                                            c.getObservedGeneration()
                                                    == refused.getMetadata().getGeneration())
                            .isPresent();
                });
        KafkaCluster current = clusters.get(NAME);
        Condition stalled = current.getStatus().findCondition(Condition.STALLED).orElseThrow();
        assertThat(stalled.getReason()).isEqualTo("SecurityModeChangeNotSupported");
        assertThat(stalled.getMessage()).contains("spec.listeners");
        assertThat(current.getStatus().findCondition(Condition.READY).orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.FALSE);
        // Observed (so Flux and kubectl wait see the refusal at once), not converged.
        assertThat(current.getStatus().getObservedGeneration())
                .isEqualTo(refused.getMetadata().getGeneration());
        assertThat(statefulSet().getMetadata().getResourceVersion()).isEqualTo(stsVersion);
        assertThat(podUids()).isEqualTo(podsBefore);

        clusters.edit(
                NAME,
                c -> {
                    c.getSpec().getListeners().get(0).setTls(false);
                    return c;
                });
        clusters.awaitReady(NAME);
    }

    @Test
    @Order(8)
    void deletingTheClusterRemovesItsResourcesAndStopsItsBrokers() {
        client.resources(KafkaCluster.class)
                .inNamespace(clusters.namespace())
                .withName(NAME)
                .delete();
        Eventually.until(
                client,
                clusters.namespace(),
                "the cluster's resources to be gone",
                Duration.ofMinutes(3),
                () ->
                        client.apps()
                                        .statefulSets()
                                        .inNamespace(clusters.namespace())
                                        .list()
                                        .getItems()
                                        .isEmpty()
                                && client.pods()
                                        .inNamespace(clusters.namespace())
                                        .list()
                                        .getItems()
                                        .isEmpty()
                                && client.configMaps()
                                        .inNamespace(clusters.namespace())
                                        .withLabel("app.kubernetes.io/managed-by", "tributary")
                                        .list()
                                        .getItems()
                                        .isEmpty()
                                && client.services()
                                        .inNamespace(clusters.namespace())
                                        .list()
                                        .getItems()
                                        .isEmpty()
                                && client.policy()
                                        .v1()
                                        .podDisruptionBudget()
                                        .inNamespace(clusters.namespace())
                                        .list()
                                        .getItems()
                                        .isEmpty());
        if (environment instanceof SandboxEnvironment sandbox) {
            for (int i = 0; i < 3; i++) {
                assertThat(
                                sandbox.sandbox()
                                        .kubelet()
                                        .pid(
                                                clusters.namespace(),
                                                "my-cluster-brokers-" + i,
                                                "kafka"))
                        .isEmpty();
            }
        }
    }

    private void transaction(
            KafkaProducer<String, String> producer, String prefix, int count, boolean commit)
            throws Exception {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>("payments", "key-" + i, prefix + i));
        }
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private void setPause(boolean paused) {
        clusters.edit(
                NAME,
                c -> {
                    Map<String, String> annotations =
                            c.getMetadata().getAnnotations() == null
                                    ? new java.util.HashMap<>()
                                    : c.getMetadata().getAnnotations();
                    if (paused) {
                        annotations.put("kafka.tributary.io/pause-reconciliation", "true");
                    } else {
                        annotations.remove("kafka.tributary.io/pause-reconciliation");
                    }
                    c.getMetadata().setAnnotations(annotations);
                    return c;
                });
    }

    private static ConditionStatus condition(KafkaCluster cluster, String type) {
        return cluster.getStatus() == null
                ? null
                : cluster.getStatus().findCondition(type).map(Condition::getStatus).orElse(null);
    }

    private String brokerRetention() throws Exception {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
        return kafka.admin()
                .describeConfigs(List.of(broker))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(broker)
                .get("log.retention.ms")
                .value();
    }

    private io.fabric8.kubernetes.api.model.ConfigMap configMap() {
        return client.configMaps()
                .inNamespace(clusters.namespace())
                .withName("my-cluster-brokers-config")
                .get();
    }

    private StatefulSet statefulSet() {
        return client.apps()
                .statefulSets()
                .inNamespace(clusters.namespace())
                .withName("my-cluster-brokers")
                .get();
    }

    /** Each pod's uid and container restart count: what changes when a pod restarts. */
    private Map<String, String> podUids() {
        return client.pods().inNamespace(clusters.namespace()).list().getItems().stream()
                .collect(
                        Collectors.toMap(
                                p -> p.getMetadata().getName(),
                                (Pod p) ->
                                        p.getMetadata().getUid()
                                                + " restarts "
                                                + p.getStatus().getContainerStatuses().stream()
                                                        .mapToInt(c -> c.getRestartCount())
                                                        .sum()));
    }
}
