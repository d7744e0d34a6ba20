package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.topic.DeletionPolicy;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
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
 * KafkaTopics against the brokers of the small example cluster: create, grow, change and remove
 * configs, change the replication factor with data in place, refusals, adoption, conflicts,
 * deletion policies, the unmanaged annotation, a cluster that is not there and one that goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaTopicIT {
    private static final String CLUSTER = "my-cluster";
    private static final Duration READY = Duration.ofMinutes(2);
    private static final long THROTTLE = 10_240;

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private KafkaClients kafka;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "topic-it");
        clusters.create(Clusters.example("kafka-cluster.yaml"));
        clusters.awaitReady(CLUSTER);
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        kafka = new KafkaClients(clusters.bootstrap(CLUSTER));
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
    void theExampleTopicIsCreatedAsSpecified() throws Exception {
        KafkaTopic topic = example();
        client.resource(topic).create();

        KafkaTopic ready = awaitReady("orders");

        assertThat(ready.getStatus().getTopicName()).isEqualTo("orders");
        assertThat(ready.getStatus().getTopicId()).isNotBlank();
        assertThat(ready.getStatus().getPartitions()).isEqualTo(3);
        assertThat(ready.getStatus().getReplicationFactor()).isEqualTo(3);
        assertThat(describe("orders").partitions()).hasSize(3);
        assertThat(topicConfig("orders"))
                .containsEntry("retention.ms", "604800000")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    @Order(2)
    void partitionsGrowAndConfigsChangeAndGoBackToTheDefault() throws Exception {
        edit(
                "orders",
                t -> {
                    t.getSpec().setPartitions(5);
                    t.getSpec().getConfig().put("retention.ms", "86400000");
                    t.getSpec().getConfig().remove("min.insync.replicas");
                    return t;
                });

        KafkaTopic ready = awaitReady("orders");

        assertThat(ready.getStatus().getPartitions()).isEqualTo(5);
        assertThat(describe("orders").partitions()).hasSize(5);
        assertThat(topicConfig("orders"))
                .containsEntry("retention.ms", "86400000")
                .doesNotContainKey("min.insync.replicas");
    }

    @Test
    @Order(3)
    void fewerPartitionsAreRefusedAndNothingChanges() throws Exception {
        edit(
                "orders",
                t -> {
                    t.getSpec().setPartitions(2);
                    t.getSpec().getConfig().put("retention.ms", "1000");
                    return t;
                });

        awaitStalled("orders", "PartitionDecrease");
        assertThat(describe("orders").partitions()).hasSize(5);
        assertThat(topicConfig("orders")).containsEntry("retention.ms", "86400000");

        edit(
                "orders",
                t -> {
                    t.getSpec().setPartitions(5);
                    t.getSpec().getConfig().put("retention.ms", "86400000");
                    return t;
                });
        awaitReady("orders");
    }

    @Test
    @Order(4)
    void configKafkaRejectsIsRefusedWithKafkasReason() throws Exception {
        edit(
                "orders",
                t -> {
                    t.getSpec().getConfig().put("cleanup.policy", "shred");
                    return t;
                });

        KafkaTopic stalled = awaitStalled("orders", "KafkaRefused");
        assertThat(stalled.getStatus().findCondition(Condition.STALLED).orElseThrow().getMessage())
                .contains("cleanup.policy");
        assertThat(topicConfig("orders")).doesNotContainKey("cleanup.policy");

        edit(
                "orders",
                t -> {
                    t.getSpec().getConfig().remove("cleanup.policy");
                    return t;
                });
        awaitReady("orders");
    }

    @Test
    @Order(5)
    void theReplicationFactorGrowsThrottledWithTheRecordsInPlace() throws Exception {
        KafkaTopic events = topic("events", 3, 1, Map.of());
        client.resource(events).create();
        awaitReady("events");
        // About 100 KiB per partition, copied to two new replicas each under a 10 KiB/s throttle
        // per broker: the move takes long enough to be seen throttled.
        kafka.produce("events", "x".repeat(1000) + "-", 300);
        clusters.edit(
                CLUSTER,
                c -> {
                    c.getSpec().getRebalance().setThrottleBytesPerSecond(THROTTLE);
                    return c;
                });

        edit(
                "events",
                t -> {
                    t.getSpec().setReplicationFactor(3);
                    return t;
                });

        Eventually.until(
                client,
                clusters.namespace(),
                "the move of events throttled: rates on the brokers, replicas listed on the topic",
                READY,
                () ->
                        brokerRates().values().stream()
                                        .anyMatch(r -> Long.toString(THROTTLE).equals(r))
                                && topicConfig("events")
                                        .containsKey("follower.replication.throttled.replicas"));
        KafkaTopic ready = awaitReady("events");
        assertThat(ready.getStatus().getReplicationFactor()).isEqualTo(3);
        assertThat(describe("events").partitions())
                .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
        assertThat(topicConfig("events"))
                .doesNotContainKeys(
                        "leader.replication.throttled.replicas",
                        "follower.replication.throttled.replicas");
        Eventually.until(
                client,
                clusters.namespace(),
                "the brokers' replication rates removed",
                READY,
                () -> brokerRates().isEmpty());
        assertThat(kafka.consumeAll("events", "read_uncommitted", 300)).hasSize(300);
        assertThat(ready.getStatus().getDrift()).isNull();

        clusters.edit(
                CLUSTER,
                c -> {
                    c.getSpec().getRebalance().setThrottleBytesPerSecond(null);
                    return c;
                });
    }

    /** The replication rates set on the brokers themselves, by broker and key. */
    private Map<String, String> brokerRates() throws Exception {
        List<ConfigResource> brokers = new ArrayList<>();
        for (var node : kafka.admin().describeCluster().nodes().get(30, TimeUnit.SECONDS)) {
            brokers.add(new ConfigResource(ConfigResource.Type.BROKER, node.idString()));
        }
        Map<String, String> rates = new HashMap<>();
        kafka.admin()
                .describeConfigs(brokers)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach(
                        (resource, config) -> {
                            for (ConfigEntry entry : config.entries()) {
                                if (entry.name().endsWith(".replication.throttled.rate")
                                        && entry.source()
                                                == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG) {
                                    rates.put(resource.name() + "/" + entry.name(), entry.value());
                                }
                            }
                        });
        return rates;
    }

    @Test
    @Order(6)
    void anExistingTopicIsAdoptedAndBroughtToTheSpec() throws Exception {
        kafka.admin()
                .createTopics(
                        List.of(
                                new NewTopic("legacy", 2, (short) 3)
                                        .configs(
                                                Map.of(
                                                        "retention.ms",
                                                        "1000",
                                                        "segment.ms",
                                                        "60000"))))
                .all()
                .get(30, TimeUnit.SECONDS);

        client.resource(topic("legacy", 2, 3, Map.of("retention.ms", "5000"))).create();

        KafkaTopic ready = awaitReady("legacy");
        assertThat(ready.getStatus().getPartitions()).isEqualTo(2);
        assertThat(topicConfig("legacy"))
                .containsEntry("retention.ms", "5000")
                .doesNotContainKey("segment.ms");
    }

    @Test
    @Order(7)
    void aSecondResourceForTheSameTopicIsAConflict() throws Exception {
        KafkaTopic copy = topic("orders-copy", 5, 3, Map.of("retention.ms", "1"));
        copy.getSpec().setTopicName("orders");
        client.resource(copy).create();

        KafkaTopic stalled = awaitStalled("orders-copy", "ResourceConflict");
        assertThat(stalled.getStatus().findCondition(Condition.STALLED).orElseThrow().getMessage())
                .contains("KafkaTopic orders");
        assertThat(topicConfig("orders")).containsEntry("retention.ms", "86400000");

        deleteAndAwaitGone("orders-copy");
        assertThat(topicNames()).contains("orders");
    }

    @Test
    @Order(8)
    void deletionPolicyDecidesWhetherTheTopicGoesToo() throws Exception {
        KafkaTopic kept = topic("kept", 1, 3, Map.of());
        kept.getSpec().setDeletionPolicy(DeletionPolicy.RETAIN);
        client.resource(kept).create();
        awaitReady("kept");

        deleteAndAwaitGone("kept");
        deleteAndAwaitGone("events");

        Eventually.until(
                client,
                clusters.namespace(),
                "topic events deleted in Kafka",
                Duration.ofSeconds(30),
                () -> !topicNames().contains("events"));
        assertThat(topicNames()).contains("kept");
    }

    @Test
    @Order(9)
    void anUnmanagedTopicIsLeftAloneEvenWhenItsResourceGoes() throws Exception {
        edit(
                "legacy",
                t -> {
                    Map<String, String> annotations = new HashMap<>();
                    annotations.put("kafka.tributary.io/managed", "false");
                    t.getMetadata().setAnnotations(annotations);
                    return t;
                });
        // Well within the 60 s resync: the annotation alone must wake the operator.
        Eventually.until(
                client,
                clusters.namespace(),
                "legacy reported as not managed",
                Duration.ofSeconds(20),
                () ->
                        get("legacy").getStatus().findCondition(Condition.READY).stream()
                                .anyMatch(c -> c.getMessage().contains("not managed")));
        edit(
                "legacy",
                t -> {
                    t.getSpec().getConfig().put("retention.ms", "9999");
                    return t;
                });
        Thread.sleep(3_000);
        assertThat(topicConfig("legacy")).containsEntry("retention.ms", "5000");

        deleteAndAwaitGone("legacy");
        assertThat(topicNames()).contains("legacy");
    }

    @Test
    @Order(10)
    void aTopicOfAMissingClusterWaitsAndGoesWithoutIt() {
        KafkaTopic orphan = topic("orphan", 1, 1, Map.of());
        orphan.getSpec().setClusterRef(new ClusterRef("no-such-cluster"));
        client.resource(orphan).create();

        Eventually.until(
                client,
                clusters.namespace(),
                "orphan waiting for its cluster",
                READY,
                () ->
                        get("orphan").getStatus() != null
                                && get("orphan")
                                        .getStatus()
                                        .findCondition(Condition.RECONCILING)
                                        .stream()
                                        .anyMatch(c -> c.getReason().equals("ClusterNotFound")));

        deleteAndAwaitGone("orphan");
    }

    @Test
    @Order(11)
    void topicsOfADeletedClusterGoWithoutWaitingForIt() {
        client.resources(io.tributary.api.v1alpha1.cluster.KafkaCluster.class)
                .inNamespace(clusters.namespace())
                .withName(CLUSTER)
                .delete();
        Eventually.until(
                client,
                clusters.namespace(),
                "KafkaCluster " + CLUSTER + " gone",
                READY,
                () -> clusters.get(CLUSTER) == null);

        // orders has deletionPolicy Delete; with its cluster gone the finalizer must not hold it.
        deleteAndAwaitGone("orders");
    }

    private KafkaTopic example() throws Exception {
        Path file =
                Path.of(System.getProperty("tributary.root", ".."), "examples", "kafka-topic.yaml");
        KafkaTopic topic = Serialization.unmarshal(Files.readString(file), KafkaTopic.class);
        topic.getMetadata().setNamespace(clusters.namespace());
        return topic;
    }

    private KafkaTopic topic(String name, int partitions, int rf, Map<String, String> config) {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName(name);
        topic.getMetadata().setNamespace(clusters.namespace());
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef(CLUSTER));
        spec.setPartitions(partitions);
        spec.setReplicationFactor(rf);
        spec.setConfig(new HashMap<>(config));
        topic.setSpec(spec);
        return topic;
    }

    private KafkaTopic get(String name) {
        return client.resources(KafkaTopic.class)
                .inNamespace(clusters.namespace())
                .withName(name)
                .get();
    }

    private KafkaTopic edit(String name, UnaryOperator<KafkaTopic> change) {
        return Clusters.editRetrying(
                client.resources(KafkaTopic.class).inNamespace(clusters.namespace()).withName(name),
                change);
    }

    private KafkaTopic awaitReady(String name) {
        Eventually.until(
                client,
                clusters.namespace(),
                "KafkaTopic " + name + " Ready for its generation",
                READY,
                () -> {
                    KafkaTopic topic = get(name);
                    return topic.getStatus() != null
                            && topic.getStatus().findCondition(Condition.READY).stream()
                                    .anyMatch(
                                            c ->
                                                    c.getStatus() == ConditionStatus.TRUE
                                                            && c.getObservedGeneration()
                                                                    == topic.getMetadata()
                                                                            .getGeneration());
                });
        return get(name);
    }

    private KafkaTopic awaitStalled(String name, String reason) {
        Eventually.until(
                client,
                clusters.namespace(),
                "KafkaTopic " + name + " Stalled: " + reason,
                READY,
                () -> {
                    KafkaTopic topic = get(name);
                    return topic.getStatus() != null
                            && topic.getStatus().findCondition(Condition.STALLED).stream()
                                    .anyMatch(
                                            c ->
                                                    c.getStatus() == ConditionStatus.TRUE
                                                            && c.getReason().equals(reason)
                                                            && c.getObservedGeneration()
                                                                    == topic.getMetadata()
                                                                            .getGeneration());
                });
        return get(name);
    }

    private void deleteAndAwaitGone(String name) {
        client.resources(KafkaTopic.class)
                .inNamespace(clusters.namespace())
                .withName(name)
                .delete();
        Eventually.until(
                client,
                clusters.namespace(),
                "KafkaTopic " + name + " gone",
                READY,
                () -> get(name) == null);
    }

    private TopicDescription describe(String name) throws Exception {
        return kafka.admin()
                .describeTopics(List.of(name))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(name);
    }

    private Set<String> topicNames() throws Exception {
        return kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS);
    }

    private Map<String, String> topicConfig(String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config =
                kafka.admin()
                        .describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
        Map<String, String> set = new HashMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                set.put(entry.name(), entry.value());
            }
        }
        return set;
    }
}
