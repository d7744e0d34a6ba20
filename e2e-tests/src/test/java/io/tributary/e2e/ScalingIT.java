package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.ControllerPoolSpec;
import io.tributary.api.v1alpha1.cluster.JvmOptions;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.NodePoolSpec;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.api.v1alpha1.cluster.StorageSpec;
import io.tributary.api.v1alpha1.cluster.StorageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Brokers come and go without Cruise Control and without losing a record: one dedicated controller
 * and three brokers grow to four (partitions move onto the new one, throttled), a scale-down that
 * would leave a topic with more replicas than brokers is refused, a manual rebalance survives an
 * operator restart, and four brokers shrink back to three under a producer (the fourth is drained
 * before its pod goes, then unregistered).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingIT {
    private static final String NAME = "scaling";
    private static final Duration MOVES = Duration.ofMinutes(4);
    private static final long THROTTLE = 200_000;

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private KafkaClients kafka;

    @BeforeAll
    void start() throws Exception {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "scaling-it");
        KafkaCluster cluster = Clusters.example("kafka-cluster.yaml");
        cluster.getMetadata().setName(NAME);
        ControllerPoolSpec controllers = new ControllerPoolSpec();
        controllers.setReplicas(1);
        StorageSpec storage = new StorageSpec();
        storage.setType(StorageType.EPHEMERAL);
        storage.setSize("1Gi");
        controllers.setStorage(storage);
        fitSmallMachine(controllers);
        cluster.getSpec().setControllers(controllers);
        fitSmallMachine(cluster.getSpec().getBrokers());
        cluster.getSpec().getReplication().setDefaultReplicationFactor(2);
        cluster.getSpec().getReplication().setMinInSyncReplicas(1);
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
    void aFourthBrokerReceivesPartitionsThrottledAndEveryRecordStaysReadable() throws Exception {
        kafka.createTopic("orders", 6, 2, 1);
        kafka.createTopic("payments", 6, 2, 1);
        kafka.produce("orders", "order-", 300);
        kafka.produce("payments", "payment-", 300);
        Eventually.until(
                client,
                clusters.namespace(),
                "the three brokers recorded as balanced",
                MOVES,
                () -> List.of(0, 1, 2).equals(clusters.get(NAME).getStatus().getBalancedBrokers()));

        clusters.edit(
                NAME,
                c -> {
                    c.getSpec().getBrokers().setReplicas(4);
                    c.getSpec().getRebalance().setThrottleBytesPerSecond(THROTTLE);
                    return c;
                });

        Eventually.until(
                client,
                clusters.namespace(),
                "partitions spread over brokers 0-3 and the cluster Ready",
                MOVES,
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    return List.of(0, 1, 2, 3).equals(current.getStatus().getBalancedBrokers())
                            && current.getStatus().getRebalance() == null
                            && Clusters.isReadyForCurrentGeneration(current);
                });
        Map<Integer, Integer> replicas = replicasPerBroker();
        assertThat(replicas).containsKey(3);
        int min = replicas.values().stream().mapToInt(i -> i).min().orElseThrow();
        int max = replicas.values().stream().mapToInt(i -> i).max().orElseThrow();
        assertThat(max - min).as("replicas per broker %s", replicas).isLessThanOrEqualTo(2);
        assertThat(kafka.consumeAll("orders", "read_uncommitted", 300)).hasSize(300);
        assertThat(kafka.consumeAll("payments", "read_uncommitted", 300)).hasSize(300);
        Eventually.until(
                client,
                clusters.namespace(),
                "the brokers' replication throttle removed",
                Duration.ofMinutes(1),
                () -> brokerRates().isEmpty());
        assertThat(planConfigMapExists()).isFalse();
    }

    @Test
    @Order(2)
    void aScaleDownThatWouldLeaveTooFewBrokersIsRefusedAndMovesNothing() throws Exception {
        kafka.admin()
                .createTopics(List.of(new NewTopic("wide", 2, (short) 4)))
                .all()
                .get(1, TimeUnit.MINUTES);
        try {
            // createTopics returns once the controller has the topic; a broker answering the
            // describe
            // may not have it yet.
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "topic wide in the metadata the brokers answer with",
                    Duration.ofSeconds(60),
                    () -> assignment().keySet().containsAll(List.of("wide-0", "wide-1")));
            Map<String, List<Integer>> before = assignment();
            String stsVersion = brokerStatefulSet().getMetadata().getResourceVersion();

            KafkaCluster refused =
                    clusters.edit(
                            NAME,
                            c -> {
                                c.getSpec().getBrokers().setReplicas(3);
                                return c;
                            });

            Eventually.until(
                    client,
                    clusters.namespace(),
                    "Stalled, naming the topic",
                    MOVES,
                    () ->
                            clusters.get(NAME)
                                    .getStatus()
                                    .findCondition(Condition.STALLED)
                                    .filter(
                                            c ->
                                                    c.getStatus() == ConditionStatus.TRUE
                                                            && c.getObservedGeneration()
                                                                    == refused.getMetadata()
                                                                            .getGeneration()
                                                            && c.getMessage().contains("wide"))
                                    .isPresent());
            assertThat(
                            clusters.get(NAME)
                                    .getStatus()
                                    .findCondition(Condition.STALLED)
                                    .orElseThrow())
                    .extracting(Condition::getReason)
                    .isEqualTo("NotEnoughBrokersForReplicationFactor");
            assertThat(brokerStatefulSet().getSpec().getReplicas()).isEqualTo(4);
            assertThat(brokerStatefulSet().getMetadata().getResourceVersion())
                    .isEqualTo(stsVersion);
            assertThat(assignment()).isEqualTo(before);
        } finally {
            // Back to four brokers and no topic the rest of the class cannot place, also on
            // failure.
            kafka.admin().deleteTopics(List.of("wide")).all().get(1, TimeUnit.MINUTES);
            clusters.edit(
                    NAME,
                    c -> {
                        c.getSpec().getBrokers().setReplicas(4);
                        return c;
                    });
            clusters.awaitReady(NAME);
        }
    }

    @Test
    @Order(3)
    void aManualRebalanceResumesItsPlanAfterAnOperatorRestart() throws Exception {
        // Every partition of a topic with data on brokers 0 and 1, so the cluster needs a rebalance
        // (the planner may balance it by moving cheaper, empty replicas of other topics).
        Map<Integer, List<Integer>> skewed = new HashMap<>();
        for (int p = 0; p < 8; p++) {
            skewed.put(p, p % 2 == 0 ? List.of(0, 1) : List.of(1, 0));
        }
        kafka.admin()
                .createTopics(List.of(new NewTopic("skewed", skewed)))
                .all()
                .get(1, TimeUnit.MINUTES);
        kafka.produce("skewed", "x".repeat(1000) + "-", 800);
        clusters.edit(
                NAME,
                c -> {
                    c.getSpec().getRebalance().setThrottleBytesPerSecond(50_000L);
                    c.getSpec().getRebalance().setBatchSize(1);
                    Map<String, String> annotations =
                            c.getMetadata().getAnnotations() == null
                                    ? new HashMap<>()
                                    : c.getMetadata().getAnnotations();
                    annotations.put("kafka.tributary.io/rebalance", "true");
                    c.getMetadata().setAnnotations(annotations);
                    return c;
                });
        // Stopped while its plan is under way: which partitions moved first depends on where Kafka
        // placed the earlier topics' replicas, so the plan may be a single batch; MOVING lasts at
        // least one poll of the executor either way.
        String[] planVersion = new String[1];
        int[] total = new int[1];
        Eventually.until(
                client,
                clusters.namespace(),
                "the manual rebalance moving",
                MOVES,
                () -> {
                    RebalanceStatus rebalance = clusters.get(NAME).getStatus().getRebalance();
                    var plan = planConfigMap();
                    if (rebalance == null
                            || !RebalanceStatus.MOVING.equals(rebalance.getState())
                            || plan == null) {
                        return false;
                    }
                    planVersion[0] = plan.getMetadata().getResourceVersion();
                    total[0] = rebalance.getPartitionsTotal();
                    return true;
                });
        environment.stopOperator();
        Thread.sleep(3_000);
        environment.startOperator();

        Set<String> plansSeen = new LinkedHashSet<>();
        Eventually.until(
                client,
                clusters.namespace(),
                "the manual rebalance finished and its annotation removed",
                MOVES,
                () -> {
                    KafkaCluster current = clusters.get(NAME);
                    RebalanceStatus rebalance = current.getStatus().getRebalance();
                    var plan = planConfigMap();
                    if (rebalance != null && rebalance.getPlan() != null && plan != null) {
                        plansSeen.add(
                                plan.getMetadata().getResourceVersion()
                                        + " of "
                                        + rebalance.getPartitionsTotal()
                                        + " partitions");
                    }
                    return rebalance == null
                            && (current.getMetadata().getAnnotations() == null
                                    || !current.getMetadata()
                                            .getAnnotations()
                                            .containsKey("kafka.tributary.io/rebalance"));
                });
        // The same plan carried on: the restarted operator did not plan again.
        assertThat(plansSeen)
                .as("plans seen after the restart")
                .allMatch(p -> p.equals(planVersion[0] + " of " + total[0] + " partitions"));
        Map<Integer, Integer> replicas = replicasPerBroker();
        int min = replicas.values().stream().mapToInt(i -> i).min().orElseThrow();
        int max = replicas.values().stream().mapToInt(i -> i).max().orElseThrow();
        assertThat(max - min).as("replicas per broker %s", replicas).isLessThanOrEqualTo(2);
        assertThat(kafka.consumeAll("skewed", "read_uncommitted", 800)).hasSize(800);
    }

    @Test
    @Order(4)
    void theFourthBrokerIsDrainedBeforeItsPodGoesWithNoRecordLost() throws Exception {
        kafka.createTopic("stream", 4, 2, 1);
        AtomicBoolean drainedWhenShrunk = new AtomicBoolean();
        AtomicBoolean shrunk = new AtomicBoolean();
        try (ContinuousProducer producer = new ContinuousProducer(kafka, "stream")) {
            clusters.edit(
                    NAME,
                    c -> {
                        c.getSpec().getBrokers().setReplicas(3);
                        return c;
                    });
            Eventually.until(
                    client,
                    clusters.namespace(),
                    "broker 3 drained, its pod gone, the cluster Ready on three brokers",
                    MOVES,
                    () -> {
                        if (!shrunk.get() && brokerStatefulSet().getSpec().getReplicas() == 3) {
                            shrunk.set(true);
                            drainedWhenShrunk.set(replicasPerBroker().getOrDefault(3, 0) == 0);
                        }
                        KafkaCluster current = clusters.get(NAME);
                        return List.of(0, 1, 2).equals(current.getStatus().getBalancedBrokers())
                                && current.getStatus().getRebalance() == null
                                && Clusters.isReadyForCurrentGeneration(current);
                    });
            producer.stop();
            assertThat(producer.failures()).as("failed sends").isEmpty();
            List<String> acknowledged = producer.acknowledged();
            assertThat(kafka.consumeAll("stream", "read_uncommitted", acknowledged.size()))
                    .containsAll(acknowledged);
        }
        assertThat(shrunk.get()).isTrue();
        assertThat(drainedWhenShrunk.get())
                .as("broker 3 held no replica when its StatefulSet shrank")
                .isTrue();
        assertThat(
                        client.pods()
                                .inNamespace(clusters.namespace())
                                .withName(NAME + "-brokers-3")
                                .get())
                .isNull();
        Set<Integer> registered = new java.util.TreeSet<>();
        for (Node node :
                kafka.admin()
                        .describeCluster(new DescribeClusterOptions().includeFencedBrokers(true))
                        .nodes()
                        .get(30, TimeUnit.SECONDS)) {
            registered.add(node.id());
        }
        assertThat(registered).containsExactly(0, 1, 2);
        assertThat(replicasPerBroker()).doesNotContainKey(3);
    }

    private Map<Integer, Integer> replicasPerBroker() throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (List<Integer> replicas : assignment().values()) {
            replicas.forEach(b -> counts.merge(b, 1, Integer::sum));
        }
        return counts;
    }

    private Map<String, List<Integer>> assignment() throws Exception {
        Set<String> topics =
                kafka.admin()
                        .listTopics(new ListTopicsOptions().listInternal(true))
                        .names()
                        .get(30, TimeUnit.SECONDS);
        Map<String, List<Integer>> assignment = new TreeMap<>();
        for (TopicDescription topic :
                kafka.admin()
                        .describeTopics(topics)
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                assignment.put(
                        topic.name() + "-" + partition.partition(),
                        partition.replicas().stream().map(Node::id).toList());
            }
        }
        return assignment;
    }

    private Map<String, String> brokerRates() throws Exception {
        List<ConfigResource> brokers = new ArrayList<>();
        for (Node node : kafka.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS)) {
            brokers.add(new ConfigResource(ConfigResource.Type.BROKER, node.idString()));
        }
        Map<String, String> rates = new HashMap<>();
        kafka.admin()
                .describeConfigs(brokers)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach(
                        (resource, config) ->
                                config.entries().stream()
                                        .filter(
                                                e ->
                                                        e.name()
                                                                .endsWith(
                                                                        ".replication.throttled.rate"))
                                        .filter(
                                                e ->
                                                        e.source()
                                                                == ConfigEntry.ConfigSource
                                                                        .DYNAMIC_BROKER_CONFIG)
                                        .forEach(
                                                e ->
                                                        rates.put(
                                                                resource.name() + "/" + e.name(),
                                                                e.value())));
        return rates;
    }

    private StatefulSet brokerStatefulSet() {
        return client.apps()
                .statefulSets()
                .inNamespace(clusters.namespace())
                .withName(NAME + "-brokers")
                .get();
    }

    private io.fabric8.kubernetes.api.model.ConfigMap planConfigMap() {
        return client.configMaps()
                .inNamespace(clusters.namespace())
                .withName(NAME + "-rebalance-plan")
                .get();
    }

    private boolean planConfigMapExists() {
        return planConfigMap() != null;
    }

    private static void fitSmallMachine(NodePoolSpec pool) {
        JvmOptions jvm = new JvmOptions();
        jvm.setHeap("256m");
        pool.setJvmOptions(jvm);
        pool.setResources(null);
    }
}
