package io.tributary.operator.metrics;

import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.metrics.ResourceCensus.ClusterKey;
import io.tributary.operator.metrics.ResourceCensus.ReadinessRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The KafkaUsers of each cluster by their Ready condition, counted from the cache. Pure. */
final class UserCensus {
    private UserCensus() {}

    /** One row per cluster and readiness ({@code true}, {@code false}, {@code unknown}). */
    static List<ReadinessRow> of(Collection<KafkaUser> users) {
        Map<ClusterKey, Map<String, Long>> counts = new TreeMap<>();
        for (KafkaUser user : users) {
            ClusterKey cluster =
                    new ClusterKey(
                            user.getMetadata().getNamespace(),
                            user.getSpec() == null || user.getSpec().getClusterRef() == null
                                    ? ""
                                    : user.getSpec().getClusterRef().getName());
            counts.computeIfAbsent(cluster, k -> new TreeMap<>())
                    .merge(ResourceCensus.readiness(user.getStatus()), 1L, Long::sum);
        }
        return ResourceCensus.rows(counts);
    }
}
