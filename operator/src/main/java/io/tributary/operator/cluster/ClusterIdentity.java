package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.operator.cluster.model.ClusterIds;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kafka cluster id of a KafkaCluster: generated once, then kept. It is read back from the
 * status, or, if the status was lost (a restore from Git, a re-created resource adopting running
 * pods), from the StatefulSets that run the cluster, so the nodes never see another id.
 */
public final class ClusterIdentity {
    static final String ENV = "TRIBUTARY_CLUSTER_ID";

    private ClusterIdentity() {}

    public static String resolve(KafkaClusterStatus status, Collection<StatefulSet> running) {
        if (status != null && status.getClusterId() != null) {
            return status.getClusterId();
        }
        return fromStatefulSets(running).orElseGet(ClusterIds::random);
    }

    static Optional<String> fromStatefulSets(Collection<StatefulSet> running) {
        return running.stream()
                .flatMap(s -> s.getSpec().getTemplate().getSpec().getContainers().stream())
                .map(c -> c.getEnv())
                .filter(Objects::nonNull)
                .flatMap(java.util.List::stream)
                .filter(e -> ENV.equals(e.getName()))
                .map(EnvVar::getValue)
                .filter(Objects::nonNull)
                .findFirst();
    }
}
