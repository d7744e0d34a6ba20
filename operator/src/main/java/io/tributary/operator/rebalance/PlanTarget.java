package io.tributary.operator.rebalance;

import java.util.List;

/**
 * One moving partition of a plan under way: the replicas it is to have, and what reaching them
 * costs (replica copies, and bytes when its size was known, else -1).
 */
public record PlanTarget(
        String topic, int partition, List<Integer> replicas, int copies, long bytes) {
    public PlanTarget {
        replicas = List.copyOf(replicas);
    }

    public static PlanTarget of(PartitionMove move) {
        return new PlanTarget(
                move.topic(),
                move.partition(),
                move.after(),
                move.replicaMoves(),
                move.bytesToCopy().orElse(-1));
    }

    public String name() {
        return topic + "-" + partition;
    }
}
