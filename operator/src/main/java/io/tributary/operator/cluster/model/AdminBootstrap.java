package io.tributary.operator.cluster.model;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the operator's Admin clients connect: the brokers' replication listener, which only the
 * operator and the brokers use, by each broker pod's stable DNS name.
 */
public final class AdminBootstrap {
    private AdminBootstrap() {}

    public static String of(ClusterNames names, NodePool brokers) {
        List<String> addresses = new ArrayList<>();
        for (int ordinal = 0; ordinal < brokers.replicas(); ordinal++) {
            addresses.add(names.podFqdn(brokers, ordinal) + ":" + NodePorts.REPLICATION);
        }
        return String.join(",", addresses);
    }

    public static String of(KafkaCluster cluster, String clusterDomain) {
        ClusterNames names =
                new ClusterNames(
                        cluster.getMetadata().getName(),
                        cluster.getMetadata().getNamespace(),
                        clusterDomain);
        NodePool brokers =
                NodePool.of(cluster).stream().filter(NodePool::isBroker).findFirst().orElseThrow();
        return of(names, brokers);
    }
}
