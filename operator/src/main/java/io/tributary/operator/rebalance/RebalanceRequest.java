package io.tributary.operator.rebalance;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the planner plans from: every partition's current replicas, every broker with its rack, the
 * brokers to drain (they must end holding nothing) and the brokers that were just added (they start
 * empty and are reported as such; the plan treats them like any other broker).
 */
public record RebalanceRequest(
        List<PartitionAssignment> partitions,
        List<Broker> brokers,
        Set<Integer> draining,
        Set<Integer> added) {

    public RebalanceRequest {
        partitions = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
        brokers = List.copyOf(Objects.requireNonNull(brokers, "brokers"));
        draining = Set.copyOf(Objects.requireNonNull(draining, "draining"));
        added = Set.copyOf(Objects.requireNonNull(added, "added"));
        Set<Integer> ids = new HashSet<>();
        for (Broker broker : brokers) {
            if (!ids.add(broker.id())) {
                throw new IllegalArgumentException(
                        "brokers: broker " + broker.id() + " is listed twice");
            }
        }
        for (int id : new TreeSet<>(draining)) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException(
                        "draining: broker " + id + " is not among the brokers");
            }
        }
        for (int id : new TreeSet<>(added)) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException(
                        "added: broker " + id + " is not among the brokers");
            }
            if (draining.contains(id)) {
                throw new IllegalArgumentException(
                        "added: broker " + id + " is also being drained");
            }
        }
        Set<String> names = new HashSet<>();
        for (PartitionAssignment partition : partitions) {
            if (!names.add(partition.name())) {
                throw new IllegalArgumentException(
                        "partitions: " + partition.name() + " is listed twice");
            }
            for (int replica : partition.replicas()) {
                if (!ids.contains(replica)) {
                    throw new IllegalArgumentException(
                            "partitions["
                                    + partition.name()
                                    + "].replicas: broker "
                                    + replica
                                    + " is not among the brokers");
                }
            }
        }
    }

    /** A rebalance of these brokers, none added or drained. */
    public static RebalanceRequest of(List<PartitionAssignment> partitions, List<Broker> brokers) {
        return new RebalanceRequest(partitions, brokers, Set.of(), Set.of());
    }
}
