package io.tributary.operator.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where replicas go when a topic's replication factor changes or it gains partitions: spread over
 * racks first, then over the least loaded brokers, keeping every existing replica (and so the
 * preferred leader) where it is. Deterministic, so that every reconcile computes the same plan.
 * Pure.
 */
public final class ReplicaAssignment {
    private ReplicaAssignment() {}

    /**
     * The partitions whose replicas change to reach {@code factor}: a higher factor adds replicas
     * on racks the partition does not use yet, then on the least loaded brokers; a lower one drops
     * replicas from the end of the list, so the preferred leader stays.
     *
     * @param brokers every broker id with its rack, if it has one
     */
    public static Map<Integer, List<Integer>> changeFactor(
            List<List<Integer>> current, int factor, Map<Integer, Optional<String>> brokers) {
        Map<Integer, Integer> load = load(current);
        Map<Integer, List<Integer>> changed = new TreeMap<>();
        for (int partition = 0; partition < current.size(); partition++) {
            List<Integer> replicas = new ArrayList<>(current.get(partition));
            if (replicas.size() == factor) {
                continue;
            }
            while (replicas.size() > factor) {
                int dropped = replicas.remove(replicas.size() - 1);
                load.merge(dropped, -1, Integer::sum);
            }
            while (replicas.size() < factor) {
                int next = pick(replicas, brokers, load);
                replicas.add(next);
                load.merge(next, 1, Integer::sum);
            }
            changed.put(partition, replicas);
        }
        return changed;
    }

    /**
     * Replicas for new partitions {@code from} to {@code total - 1}, {@code factor} each, leaders
     * spread over the brokers that lead least.
     */
    public static Map<Integer, List<Integer>> newPartitions(
            List<List<Integer>> current,
            int total,
            int factor,
            Map<Integer, Optional<String>> brokers) {
        Map<Integer, Integer> load = load(current);
        Map<Integer, Integer> leaders = new HashMap<>();
        for (List<Integer> replicas : current) {
            if (!replicas.isEmpty()) {
                leaders.merge(replicas.get(0), 1, Integer::sum);
            }
        }
        Map<Integer, List<Integer>> added = new TreeMap<>();
        for (int partition = current.size(); partition < total; partition++) {
            List<Integer> replicas = new ArrayList<>();
            int leader =
                    brokers.keySet().stream()
                            .min(
                                    Comparator.comparingInt(
                                                    (Integer b) -> leaders.getOrDefault(b, 0))
                                            .thenComparingInt(b -> load.getOrDefault(b, 0))
                                            .thenComparingInt(b -> b))
                            .orElseThrow();
            replicas.add(leader);
            leaders.merge(leader, 1, Integer::sum);
            load.merge(leader, 1, Integer::sum);
            while (replicas.size() < factor) {
                int next = pick(replicas, brokers, load);
                replicas.add(next);
                load.merge(next, 1, Integer::sum);
            }
            added.put(partition, replicas);
        }
        return added;
    }

    /** The broker to add next: a new rack first, then the least loaded, then the lowest id. */
    private static int pick(
            List<Integer> replicas,
            Map<Integer, Optional<String>> brokers,
            Map<Integer, Integer> load) {
        Set<String> usedRacks = new HashSet<>();
        for (int replica : replicas) {
            brokers.getOrDefault(replica, Optional.empty()).ifPresent(usedRacks::add);
        }
        return brokers.entrySet().stream()
                .filter(e -> !replicas.contains(e.getKey()))
                .min(
                        Comparator.comparing(
                                        (Map.Entry<Integer, Optional<String>> e) ->
                                                e.getValue().map(usedRacks::contains).orElse(false))
                                .thenComparingInt(e -> load.getOrDefault(e.getKey(), 0))
                                .thenComparingInt(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "not enough brokers for "
                                                + (replicas.size() + 1)
                                                + " replicas"));
    }

    private static Map<Integer, Integer> load(List<List<Integer>> current) {
        Map<Integer, Integer> load = new LinkedHashMap<>();
        for (List<Integer> replicas : current) {
            for (int replica : replicas) {
                load.merge(replica, 1, Integer::sum);
            }
        }
        return load;
    }
}
