package io.tributary.operator.roll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the roll planner decides on: the nodes, the quorum, every partition, the pacing and
 * when the last restarted node came back.
 */
public record RollSnapshot(
        List<NodeState> nodes,
        QuorumState quorum,
        List<PartitionState> partitions,
        RollOptions options,
        Optional<Instant> lastNodeBackAt,
        Instant now) {

    public RollSnapshot {
        nodes = List.copyOf(nodes);
        partitions = List.copyOf(partitions);
    }
}
