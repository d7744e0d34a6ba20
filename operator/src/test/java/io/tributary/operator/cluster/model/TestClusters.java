package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** KafkaClusters for builder tests: the repository's examples, with a namespace and uid. */
final class TestClusters {
    static final String CLUSTER_ID = "MkU3OEVBNTcwNTJENDM2Qg";

    private TestClusters() {}

    /** The small combined-mode example: 3 nodes, ephemeral storage, one plain listener. */
    static KafkaCluster combined() {
        return example("kafka-cluster.yaml");
    }

    /** The production-shaped example: 3 controllers, 3 brokers, persistent storage. */
    static KafkaCluster dedicated() {
        return example("kafka-cluster-production.yaml");
    }

    static KafkaCluster example(String file) {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        try {
            KafkaCluster cluster =
                    Serialization.unmarshal(Files.readString(path), KafkaCluster.class);
            cluster.getMetadata().setNamespace("kafka");
            cluster.getMetadata().setUid("5b1c0c4e-0000-4000-8000-000000000001");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterModel model(KafkaCluster cluster) {
        return ClusterModel.of(
                cluster,
                CLUSTER_ID,
                "cluster.local",
                "ghcr.io/tributary-io/tributary-kafka:0.1.0-kafka-4.4.0");
    }
}
