package io.tributary.operator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;

/** Removes a request annotation from a KafkaCluster once the operator has carried it out. */
final class ClusterAnnotations {
    private ClusterAnnotations() {}

    static void remove(KubernetesClient client, KafkaCluster cluster, String key) {
        if (cluster.getMetadata().getAnnotations() == null
                || !cluster.getMetadata().getAnnotations().containsKey(key)) {
            return;
        }
        client.resources(KafkaCluster.class)
                .inNamespace(cluster.getMetadata().getNamespace())
                .withName(cluster.getMetadata().getName())
                .edit(
                        c -> {
                            if (c.getMetadata().getAnnotations() != null) {
                                c.getMetadata().getAnnotations().remove(key);
                            }
                            return c;
                        });
    }
}
