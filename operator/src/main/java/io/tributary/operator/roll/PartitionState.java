package io.tributary.operator.roll;

import java.util.Collection;
import java.util.List;

/** One partition's replicas and in-sync replicas, with its topic's min.insync.replicas. */
public record PartitionState(
        String topic, int partition, List<Integer> replicas, List<Integer> isr, int minIsr) {

    public PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /**
     * Whether acks=all writes can ever succeed: the replication factor reaches min.insync.replicas.
     */
    public boolean canMeetMinIsr() {
        return replicas.size() >= minIsr;
    }

    /** The in-sync replicas left if these nodes stopped. */
    public long isrWithout(Collection<Integer> nodes) {
        return isr.stream().filter(id -> !nodes.contains(id)).count();
    }

    public String name() {
        return topic + "-" + partition;
    }
}
