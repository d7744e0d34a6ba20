package io.tributary.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** KafkaClusters in a test namespace: the repository's examples, and waits on their status. */
final class Clusters {
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final KubernetesClient client;
    private final String namespace;

    Clusters(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        if (client.namespaces().withName(namespace).get() == null) {
            client.namespaces()
                    .resource(
                            new NamespaceBuilder()
                                    .withNewMetadata()
                                    .withName(namespace)
                                    .endMetadata()
                                    .build())
                    .create();
        }
    }

    String namespace() {
        return namespace;
    }

    static KafkaCluster example(String file) {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        try {
            return Serialization.unmarshal(Files.readString(path), KafkaCluster.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KafkaCluster create(KafkaCluster cluster) {
        cluster.getMetadata().setNamespace(namespace);
        return client.resource(cluster).create();
    }

    /**
     * Edits the cluster as {@code kubectl edit} would, trying again when the operator's status
     * update got there first (409 Conflict), as a person would.
     */
    KafkaCluster edit(String name, UnaryOperator<KafkaCluster> change) {
        return editRetrying(
                client.resources(KafkaCluster.class).inNamespace(namespace).withName(name), change);
    }

    /** Edits any resource, trying again on 409 Conflict up to five times. */
    static <T extends HasMetadata> T editRetrying(Resource<T> resource, UnaryOperator<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return resource.edit(change);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    KafkaCluster get(String name) {
        return client.resources(KafkaCluster.class).inNamespace(namespace).withName(name).get();
    }

    /** Waits until the cluster is Ready for its current generation. */
    KafkaCluster awaitReady(String name) {
        Eventually.until(
                client,
                namespace,
                "KafkaCluster " + name + " Ready=True for its current generation",
                READY_TIMEOUT,
                () -> isReadyForCurrentGeneration(get(name)));
        return get(name);
    }

    static boolean isReadyForCurrentGeneration(KafkaCluster cluster) {
        if (cluster == null || cluster.getStatus() == null) {
            return false;
        }
        long generation = cluster.getMetadata().getGeneration();
        Optional<Condition> ready = cluster.getStatus().findCondition(Condition.READY);
        return ready.isPresent()
                && ready.get().getStatus() == ConditionStatus.TRUE
                && ready.get().getObservedGeneration() == generation
                && Long.valueOf(generation).equals(cluster.getStatus().getObservedGeneration());
    }

    /** The bootstrap address of the cluster's first listener, from its status. */
    String bootstrap(String name) {
        return get(name).getStatus().getListeners().get(0).getBootstrapServers();
    }
}
