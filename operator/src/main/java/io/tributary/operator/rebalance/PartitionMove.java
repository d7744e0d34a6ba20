package io.tributary.operator.rebalance;

import java.util.List;
import java.util.OptionalLong;

/**
 * One partition's change: its replicas before and after, the replicas added (each one a replica
 * move: a copy of the partition onto a broker that did not hold it) and removed, and the bytes to
 * copy when the size is known. A change that adds nothing only reorders the replicas to change the
 * preferred leader, which copies no data.
 */
public record PartitionMove(
        String topic,
        int partition,
        List<Integer> before,
        List<Integer> after,
        List<Integer> added,
        List<Integer> removed,
        OptionalLong bytesToCopy) {

    public PartitionMove {
        before = List.copyOf(before);
        after = List.copyOf(after);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public String name() {
        return topic + "-" + partition;
    }

    /** The replica moves this change costs: the brokers that receive a copy. */
    public int replicaMoves() {
        return added.size();
    }

    public boolean reorderOnly() {
        return added.isEmpty();
    }

    public boolean leaderChanged() {
        return !before.get(0).equals(after.get(0));
    }
}
