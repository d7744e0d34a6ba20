package io.tributary.operator.cluster;

import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.kafka.KafkaObservation;
import java.util.List;
import java.util.Optional;

/**
 * Whether a cluster is ready for its current spec, and if not, the first thing it waits for. Ready
 * means: every pool's StatefulSet exists with the desired replicas, every pod runs the current
 * template and is ready, every broker is registered with the controller, and no partition is
 * offline.
 */
public final class ClusterReadiness {
    private ClusterReadiness() {}

    /** Why a cluster is not ready yet: a CamelCase reason and a message for people. */
    public record Waiting(String reason, String message) {}

    /** Empty when ready; otherwise what the cluster is waiting for. */
    public static Optional<Waiting> check(ClusterSnapshot snapshot) {
        for (PoolState state : snapshot.pools()) {
            NodePool pool = state.pool();
            if (state.statefulSet() == null) {
                return waiting("Creating", "creating the %s pool".formatted(pool.name()));
            }
            Optional<Waiting> rack = missingRackLabel(snapshot, state);
            if (rack.isPresent()) {
                return rack;
            }
            if (state.pods().size() != pool.replicas() || state.readyPods() < pool.replicas()) {
                return waiting(
                        "PodsNotReady",
                        "%d/%d pods of the %s pool are ready%s"
                                .formatted(
                                        state.readyPods(),
                                        pool.replicas(),
                                        pool.name(),
                                        PodProblems.firstProblem(state.pods())
                                                .map(p -> "; " + p)
                                                .orElse("")));
            }
            if (!state.allOnUpdateRevision()) {
                return waiting(
                        "PodsOutOfDate",
                        "pods of the %s pool do not run the current pod template yet"
                                .formatted(pool.name()));
            }
        }
        if (snapshot.kafka().isEmpty()) {
            return waiting(
                    "BrokersUnreachable",
                    "the brokers did not answer: " + snapshot.kafkaError().orElse("no answer yet"));
        }
        KafkaObservation kafka = snapshot.kafka().get();
        NodePool brokers = snapshot.brokerPool().pool();
        List<Integer> missing =
                brokers.nodeIds().stream().filter(id -> kafka.broker(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return waiting(
                    "BrokersNotRegistered",
                    "brokers %s are not registered with the controller".formatted(missing));
        }
        if (kafka.offlinePartitions() > 0) {
            return waiting(
                    "OfflinePartitions",
                    "%d partitions have no leader: nobody can read or write them"
                            .formatted(kafka.offlinePartitions()));
        }
        return Optional.empty();
    }

    /** A broker pod placed on a node whose rack label it did not get: it cannot learn its rack. */
    private static Optional<Waiting> missingRackLabel(ClusterSnapshot snapshot, PoolState state) {
        var rack = snapshot.model().spec().getRack();
        if (rack == null || !state.pool().isBroker()) {
            return Optional.empty();
        }
        return state.pods().stream()
                .filter(
                        p ->
                                p.getSpec().getNodeName() != null
                                        && !p.getSpec().getNodeName().isEmpty())
                .filter(
                        p ->
                                p.getMetadata().getLabels() == null
                                        || !p.getMetadata()
                                                .getLabels()
                                                .containsKey(rack.getTopologyKey()))
                .findFirst()
                .map(
                        p ->
                                new Waiting(
                                        "RackLabelMissing",
                                        "pod %s has no %s label, so its broker cannot learn its rack; Kubernetes 1.35+ copies it from the node (PodTopologyLabels), and the node must have it"
                                                .formatted(
                                                        p.getMetadata().getName(),
                                                        rack.getTopologyKey())));
    }

    private static Optional<Waiting> waiting(String reason, String message) {
        return Optional.of(new Waiting(reason, message));
    }
}
