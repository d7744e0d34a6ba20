package io.tributary.operator.roll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the roll planner decides on: the nodes, the quorum, every partition (when the brokers
 * could be asked), the pacing and when the last restarted node came back.
 */
public record RollSnapshot(
        List<NodeState> nodes,
        QuorumState quorum,
        List<PartitionState> partitions,
        RollOptions options,
        Optional<Instant> lastNodeBackAt,
        Instant now,
        boolean partitionsKnown) {

    public RollSnapshot {
        nodes = List.copyOf(nodes);
        partitions = List.copyOf(partitions);
    }

    /** A snapshot whose partitions the brokers reported. */
    public RollSnapshot(
            List<NodeState> nodes,
            QuorumState quorum,
            List<PartitionState> partitions,
            RollOptions options,
            Optional<Instant> lastNodeBackAt,
            Instant now) {
        this(nodes, quorum, partitions, options, lastNodeBackAt, now, true);
    }

    /** A snapshot taken while the brokers could not be asked about partitions or the quorum. */
    public static RollSnapshot withoutKafka(
            List<NodeState> nodes,
            RollOptions options,
            Optional<Instant> lastNodeBackAt,
            Instant now) {
        return new RollSnapshot(
                nodes, QuorumState.unknown(), List.of(), options, lastNodeBackAt, now, false);
    }
}
