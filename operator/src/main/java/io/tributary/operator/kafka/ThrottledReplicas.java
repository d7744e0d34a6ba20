package io.tributary.operator.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replicas a topic throttles while its partitions move, as Kafka's topic configs {@code
 * leader.replication.throttled.replicas} (the replicas the data is copied from: every current
 * replica of a moving partition) and {@code follower.replication.throttled.replicas} (the replicas
 * being added). The broker-level {@code *.replication.throttled.rate} applies only to these. Pure.
 *
 * @param leader {@code partition:broker} entries, comma-separated, in order
 * @param follower likewise
 */
public record ThrottledReplicas(String leader, String follower) {
    public static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
    public static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

    /** The topic configs that hold a throttle; the operator owns them while replicas move. */
    public static final Set<String> CONFIG_KEYS = Set.of(LEADER_REPLICAS, FOLLOWER_REPLICAS);

    /**
     * The throttle for moving a topic's partitions from {@code current} (every partition's
     * replicas, by index) to {@code target} (the partitions that change, by index).
     */
    public static ThrottledReplicas of(
            List<List<Integer>> current, Map<Integer, List<Integer>> target) {
        Map<Integer, List<Integer>> byPartition = new TreeMap<>();
        for (int partition = 0; partition < current.size(); partition++) {
            byPartition.put(partition, current.get(partition));
        }
        return of(byPartition, target);
    }

    /** As {@link #of(List, Map)}, with the current replicas by partition. */
    public static ThrottledReplicas of(
            Map<Integer, List<Integer>> current, Map<Integer, List<Integer>> target) {
        List<String> leader = new ArrayList<>();
        List<String> follower = new ArrayList<>();
        for (var move : new TreeMap<>(target).entrySet()) {
            int partition = move.getKey();
            List<Integer> before = current.getOrDefault(partition, List.of());
            if (before.equals(move.getValue())) {
                continue;
            }
            for (int broker : new TreeSet<>(before)) {
                leader.add(partition + ":" + broker);
            }
            for (int broker : new TreeSet<>(move.getValue())) {
                if (!before.contains(broker)) {
                    follower.add(partition + ":" + broker);
                }
            }
        }
        return new ThrottledReplicas(String.join(",", leader), String.join(",", follower));
    }

    public boolean isEmpty() {
        return leader.isEmpty() && follower.isEmpty();
    }

    /** The two topic configs to set. */
    public Map<String, String> configs() {
        Map<String, String> configs = new TreeMap<>();
        if (!leader.isEmpty()) {
            configs.put(LEADER_REPLICAS, leader);
        }
        if (!follower.isEmpty()) {
            configs.put(FOLLOWER_REPLICAS, follower);
        }
        return configs;
    }
}
