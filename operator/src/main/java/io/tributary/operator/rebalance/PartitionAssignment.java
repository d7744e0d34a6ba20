package io.tributary.operator.rebalance;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One partition's replicas in order, the first being the preferred leader, and the size of one
 * replica in bytes when it is known.
 */
public record PartitionAssignment(
        String topic, int partition, List<Integer> replicas, OptionalLong sizeBytes) {

    public PartitionAssignment {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("partitions: topic must not be blank");
        }
        String name = "partitions[" + topic + "-" + partition + "]";
        if (partition < 0) {
            throw new IllegalArgumentException(name + ".partition: must not be negative");
        }
        Objects.requireNonNull(replicas, name + ".replicas");
        Objects.requireNonNull(sizeBytes, name + ".sizeBytes");
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException(name + ".replicas: must not be empty");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer replica : replicas) {
            if (replica == null || replica < 0) {
                throw new IllegalArgumentException(
                        name + ".replicas: " + replica + " is not a broker id");
            }
            if (!seen.add(replica)) {
                throw new IllegalArgumentException(
                        name + ".replicas: broker " + replica + " appears twice");
            }
        }
        if (sizeBytes.isPresent() && sizeBytes.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    name + ".sizeBytes: must not be negative, was " + sizeBytes.getAsLong());
        }
        replicas = List.copyOf(replicas);
    }

    /** A partition whose size is not known. */
    public PartitionAssignment(String topic, int partition, List<Integer> replicas) {
        this(topic, partition, replicas, OptionalLong.empty());
    }

    /** {@code topic-partition}, as Kafka names it. */
    public String name() {
        return topic + "-" + partition;
    }

    public int replicationFactor() {
        return replicas.size();
    }

    public PartitionAssignment withReplicas(List<Integer> newReplicas) {
        return new PartitionAssignment(topic, partition, newReplicas, sizeBytes);
    }
}
