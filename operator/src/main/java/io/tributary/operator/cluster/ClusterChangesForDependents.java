package io.tributary.operator.cluster;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which updates of a KafkaCluster concern its KafkaTopics and KafkaUsers: a new spec, its deletion,
 * and in its status the cluster id, the listeners' addresses, which nodes it has (a topic refused
 * for want of brokers can now be placed) and whether it is Ready (a change of security has rolled
 * out). What else the status reports (partition health, each node's readiness during a roll)
 * changes often and would otherwise send every one of its topics, ten thousand of them perhaps,
 * through a reconcile with a describe each.
 */
public final class ClusterChangesForDependents {
    private ClusterChangesForDependents() {}

    public static boolean concernDependents(KafkaCluster newer, KafkaCluster older) {
        return !Objects.equals(
                        newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
                || !Objects.equals(
                        newer.getMetadata().getDeletionTimestamp(),
                        older.getMetadata().getDeletionTimestamp())
                || !Objects.equals(clusterId(newer), clusterId(older))
                || !listeners(newer).equals(listeners(older))
                || !nodeIds(newer).equals(nodeIds(older))
                || !Objects.equals(ready(newer), ready(older));
    }

    private static List<Integer> nodeIds(KafkaCluster cluster) {
        return cluster.getStatus() == null || cluster.getStatus().getNodes() == null
                ? List.of()
                : cluster.getStatus().getNodes().stream().map(NodeStatus::getId).sorted().toList();
    }

    private static Optional<String> ready(KafkaCluster cluster) {
        return cluster.getStatus() == null
                ? Optional.empty()
                : cluster.getStatus()
                        .findCondition(Condition.READY)
                        .map(c -> String.valueOf(c.getStatus()));
    }

    private static String clusterId(KafkaCluster cluster) {
        return cluster.getStatus() == null ? null : cluster.getStatus().getClusterId();
    }

    private static String listeners(KafkaCluster cluster) {
        return cluster.getStatus() == null || cluster.getStatus().getListeners() == null
                ? ""
                : Serialization.asJson(cluster.getStatus().getListeners());
    }
}
