package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.cluster.ReplicationSpec;
import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a KafkaCluster spec before anything is applied. Refusals stop the reconcile with nothing
 * changed; warnings are reported and the spec is applied. The CRD's rules catch most of these
 * already; they are checked again here because an older CRD may be installed.
 */
public final class ClusterSpecValidator {
    /** The node labels Kubernetes copies onto pods (PodTopologyLabels admission). */
    static final java.util.List<String> RACK_KEYS =
            java.util.List.of("topology.kubernetes.io/zone", "topology.kubernetes.io/region");

    private ClusterSpecValidator() {}

    /** Problems that make the spec impossible or unsafe to apply. */
    public static List<Problem> refusals(KafkaClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        ReplicationSpec replication = spec.getReplication();
        int brokers = spec.getBrokers().getReplicas();
        if (replication.getDefaultReplicationFactor() > brokers) {
            problems.add(
                    new Problem(
                            "NotEnoughBrokersForReplicationFactor",
                            "spec.replication.defaultReplicationFactor is %d but spec.brokers.replicas is %d: each replica needs its own broker"
                                    .formatted(
                                            replication.getDefaultReplicationFactor(), brokers)));
        }
        if (replication.getMinInSyncReplicas() > replication.getDefaultReplicationFactor()) {
            problems.add(
                    new Problem(
                            "MinInSyncReplicasAboveReplicationFactor",
                            "spec.replication.minInSyncReplicas is %d but defaultReplicationFactor is %d: no write with acks=all could succeed"
                                    .formatted(
                                            replication.getMinInSyncReplicas(),
                                            replication.getDefaultReplicationFactor())));
        }
        if (spec.getControllers() == null && brokers % 2 == 0) {
            problems.add(
                    new Problem(
                            "EvenQuorumSize",
                            "spec.brokers.replicas is %d in combined mode, where every node is a KRaft voter: use 1, 3 or 5, or add spec.controllers"
                                    .formatted(brokers)));
        }
        for (ListenerSpec listener : spec.getListeners()) {
            if (listener.getAuthentication() == ListenerAuthentication.TLS && !listener.isTls()) {
                problems.add(
                        new Problem(
                                "MutualTlsWithoutTls",
                                "spec.listeners[%s]: authentication tls needs tls: true on the listener"
                                        .formatted(listener.getName())));
            }
        }
        if (spec.getRack() != null && !RACK_KEYS.contains(spec.getRack().getTopologyKey())) {
            problems.add(
                    new Problem(
                            "RackTopologyKeyNotSupported",
                            "spec.rack.topologyKey %s: a pod learns its rack from the labels Kubernetes (1.35+) copies from its node, which are %s"
                                    .formatted(
                                            spec.getRack().getTopologyKey(),
                                            String.join(" and ", RACK_KEYS))));
        }
        return problems;
    }

    /** Settings that work but put data or availability at risk. */
    public static List<Problem> warnings(KafkaClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        ReplicationSpec replication = spec.getReplication();
        int factor = replication.getDefaultReplicationFactor();
        if (factor > 1 && replication.getMinInSyncReplicas() == factor) {
            problems.add(
                    new Problem(
                            "MinInSyncReplicasEqualsReplicationFactor",
                            "spec.replication.minInSyncReplicas equals defaultReplicationFactor (%d): writes with acks=all fail whenever one broker is down, also during every rolling restart"
                                    .formatted(factor)));
        }
        if (factor == 1 && spec.getBrokers().getReplicas() > 1) {
            problems.add(
                    new Problem(
                            "NoReplication",
                            "spec.replication.defaultReplicationFactor is 1: a topic's partitions"
                                + " are unavailable while their broker is down, and lost with its"
                                + " disk"));
        }
        for (ListenerSpec listener : spec.getListeners()) {
            if (listener.getAuthentication() == ListenerAuthentication.SCRAM_SHA_512
                    && !listener.isTls()) {
                problems.add(
                        new Problem(
                                "ScramWithoutTls",
                                "spec.listeners[%s]: scram-sha-512 without tls: true sends every record unencrypted"
                                        .formatted(listener.getName())));
            }
        }
        if (replication.isUncleanLeaderElection()) {
            problems.add(
                    new Problem(
                            "UncleanLeaderElectionEnabled",
                            "spec.replication.uncleanLeaderElection is true: an out-of-sync replica"
                                    + " may become leader and acknowledged records may be lost"));
        }
        return problems;
    }
}
