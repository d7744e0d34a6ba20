package io.tributary.operator.topic;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.util.Objects;

/**
 * Which updates of a KafkaCluster concern its topics: a new spec, the cluster id or the listeners'
 * addresses in its status, or its deletion. Everything else a cluster's status reports (health,
 * nodes, a roll's progress) changes often and would otherwise send every one of its topics, ten
 * thousand of them perhaps, through a reconcile with a describe each.
 */
final class ClusterChangesForTopics {
    private ClusterChangesForTopics() {}

    static boolean concernTopics(KafkaCluster newer, KafkaCluster older) {
        return !Objects.equals(
                        newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
                || !Objects.equals(
                        newer.getMetadata().getDeletionTimestamp(),
                        older.getMetadata().getDeletionTimestamp())
                || !Objects.equals(clusterId(newer), clusterId(older))
                || !listeners(newer).equals(listeners(older));
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
