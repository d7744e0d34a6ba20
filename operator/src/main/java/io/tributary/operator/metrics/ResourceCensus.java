package io.tributary.operator.metrics;

import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ResourceStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.NodeRole;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the operator's own gauges report, counted from the resources as the informers hold them:
 * clusters by readiness, each cluster's brokers, partitions, roll and rebalance, and topics per
 * cluster by readiness. A pure function of the resources' statuses.
 *
 * @param clustersByReadiness {@code true}, {@code false} or {@code unknown} (no Ready condition
 *     yet) to the number of KafkaClusters
 * @param clusters one row per KafkaCluster
 * @param topics one row per cluster and readiness that has topics
 * @param reassigningTopics per cluster, the topics whose replicas are moving
 */
public record ResourceCensus(
        Map<String, Long> clustersByReadiness,
        List<ClusterRow> clusters,
        List<ReadinessRow> topics,
        Map<ClusterKey, Long> reassigningTopics) {

    /** The reason a topic's Reconciling condition gives while its replicas move. */
    static final String REASSIGNING = "Reassigning";

    /** A cluster by namespace and name. */
    public record ClusterKey(String namespace, String name) implements Comparable<ClusterKey> {
        @Override
        public int compareTo(ClusterKey other) {
            int byNamespace = namespace.compareTo(other.namespace);
            return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
        }
    }

    /** One KafkaCluster as its status reports it. */
    public record ClusterRow(
            ClusterKey cluster,
            boolean ready,
            int brokersReady,
            int brokersDesired,
            int underReplicatedPartitions,
            int offlinePartitions,
            boolean rolling,
            boolean rebalancing) {}

    /** The number of resources (KafkaTopics or KafkaUsers) of one cluster with one readiness. */
    public record ReadinessRow(ClusterKey cluster, String readiness, long count) {}

    public static ResourceCensus of(
            Collection<KafkaCluster> kafkaClusters, Collection<KafkaTopic> kafkaTopics) {
        Map<String, Long> byReadiness = new TreeMap<>();
        for (String readiness : List.of("true", "false", "unknown")) {
            byReadiness.put(readiness, 0L);
        }
        List<ClusterRow> clusters =
                kafkaClusters.stream()
                        .map(ResourceCensus::row)
                        .sorted((a, b) -> a.cluster().compareTo(b.cluster()))
                        .toList();
        for (KafkaCluster cluster : kafkaClusters) {
            byReadiness.merge(readiness(cluster.getStatus()), 1L, Long::sum);
        }
        Map<ClusterKey, Map<String, Long>> topicCounts = new TreeMap<>();
        Map<ClusterKey, Long> reassigning = new TreeMap<>();
        for (KafkaTopic topic : kafkaTopics) {
            ClusterKey cluster =
                    new ClusterKey(
                            topic.getMetadata().getNamespace(),
                            topic.getSpec() == null || topic.getSpec().getClusterRef() == null
                                    ? ""
                                    : topic.getSpec().getClusterRef().getName());
            topicCounts
                    .computeIfAbsent(cluster, k -> new TreeMap<>())
                    .merge(readiness(topic.getStatus()), 1L, Long::sum);
            if (isReassigning(topic.getStatus())) {
                reassigning.merge(cluster, 1L, Long::sum);
            }
        }
        List<ReadinessRow> topics = rows(topicCounts);
        return new ResourceCensus(byReadiness, clusters, topics, reassigning);
    }

    /** One row per cluster and readiness, from counts by cluster and readiness. */
    static List<ReadinessRow> rows(Map<ClusterKey, Map<String, Long>> counts) {
        return counts.entrySet().stream()
                .flatMap(
                        e ->
                                e.getValue().entrySet().stream()
                                        .map(
                                                r ->
                                                        new ReadinessRow(
                                                                e.getKey(),
                                                                r.getKey(),
                                                                r.getValue())))
                .toList();
    }

    private static ClusterRow row(KafkaCluster cluster) {
        ClusterKey key =
                new ClusterKey(
                        cluster.getMetadata().getNamespace(), cluster.getMetadata().getName());
        int desired =
                cluster.getSpec() == null || cluster.getSpec().getBrokers() == null
                        ? 0
                        : cluster.getSpec().getBrokers().getReplicas();
        KafkaClusterStatus status = cluster.getStatus();
        if (status == null) {
            return new ClusterRow(key, false, 0, desired, 0, 0, false, false);
        }
        int brokersReady =
                (int)
                        status.getNodes().stream()
                                .filter(n -> n.getRoles().contains(NodeRole.BROKER))
                                .filter(n -> n.isReady())
                                .count();
        int underReplicated =
                status.getHealth() == null ? 0 : status.getHealth().getUnderReplicatedPartitions();
        int offline = status.getHealth() == null ? 0 : status.getHealth().getOfflinePartitions();
        return new ClusterRow(
                key,
                readiness(status).equals("true"),
                brokersReady,
                desired,
                underReplicated,
                offline,
                status.getRoll() != null,
                status.getRebalance() != null
                        && !RebalanceStatus.PROPOSED.equals(status.getRebalance().getState()));
    }

    /** {@code true}, {@code false} or {@code unknown}, from the Ready condition. */
    static String readiness(ResourceStatus status) {
        if (status == null) {
            return "unknown";
        }
        return status.findCondition(Condition.READY)
                .map(c -> c.getStatus().name().toLowerCase(Locale.ROOT))
                .orElse("unknown");
    }

    private static boolean isReassigning(ResourceStatus status) {
        return status != null
                && status.findCondition(Condition.RECONCILING)
                        .filter(c -> c.getStatus().name().equals("TRUE"))
                        .filter(c -> REASSIGNING.equals(c.getReason()))
                        .isPresent();
    }
}
