package io.tributary.operator.metrics;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.BrokerPoolSpec;
import io.tributary.api.v1alpha1.cluster.ClusterHealth;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.NodeRole;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import io.tributary.api.v1alpha1.cluster.RollStatus;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import io.tributary.api.v1alpha1.topic.KafkaTopicStatus;
import java.time.Instant;
import java.util.List;

/** KafkaClusters and KafkaTopics with the statuses the gauges read. */
final class TestResources {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private TestResources() {}

    static KafkaCluster cluster(String namespace, String name, int brokers) {
        KafkaCluster cluster = new KafkaCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder()
                        .withNamespace(namespace)
                        .withName(name)
                        .withUid(namespace + "/" + name)
                        .withGeneration(1L)
                        .withCreationTimestamp(CREATED.toString())
                        .build());
        KafkaClusterSpec spec = new KafkaClusterSpec();
        BrokerPoolSpec pool = new BrokerPoolSpec();
        pool.setReplicas(brokers);
        spec.setBrokers(pool);
        cluster.setSpec(spec);
        return cluster;
    }

    /** A status with the given Ready condition, nodes (broker readiness) and health. */
    static KafkaClusterStatus clusterStatus(
            ConditionStatus ready, List<Boolean> brokersReady, int underReplicated, int offline) {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setCondition(new Condition(Condition.READY, ready, "Test", "test", 1L), CREATED);
        int id = 0;
        for (boolean brokerReady : brokersReady) {
            NodeStatus node = new NodeStatus();
            node.setId(id++);
            node.setRoles(List.of(NodeRole.BROKER, NodeRole.CONTROLLER));
            node.setReady(brokerReady);
            status.getNodes().add(node);
        }
        NodeStatus controller = new NodeStatus();
        controller.setId(1000);
        controller.setRoles(List.of(NodeRole.CONTROLLER));
        controller.setReady(true);
        status.getNodes().add(controller);
        ClusterHealth health = new ClusterHealth();
        health.setUnderReplicatedPartitions(underReplicated);
        health.setOfflinePartitions(offline);
        status.setHealth(health);
        return status;
    }

    static RollStatus roll() {
        RollStatus roll = new RollStatus();
        roll.setReason("test");
        return roll;
    }

    static KafkaTopic topic(String namespace, String name, String cluster) {
        KafkaTopic topic = new KafkaTopic();
        topic.setMetadata(
                new ObjectMetaBuilder()
                        .withNamespace(namespace)
                        .withName(name)
                        .withUid(namespace + "/topic/" + name)
                        .withGeneration(1L)
                        .withCreationTimestamp(CREATED.toString())
                        .build());
        KafkaTopicSpec spec = new KafkaTopicSpec();
        ClusterRef ref = new ClusterRef();
        ref.setName(cluster);
        spec.setClusterRef(ref);
        topic.setSpec(spec);
        return topic;
    }

    static KafkaTopicStatus topicStatus(ConditionStatus ready, String reconcilingReason) {
        KafkaTopicStatus status = new KafkaTopicStatus();
        status.setCondition(new Condition(Condition.READY, ready, "Test", "test", 1L), CREATED);
        if (reconcilingReason != null) {
            status.setCondition(
                    new Condition(
                            Condition.RECONCILING,
                            ConditionStatus.TRUE,
                            reconcilingReason,
                            "test",
                            1L),
                    CREATED);
        }
        return status;
    }
}
