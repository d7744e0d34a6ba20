package io.tributary.operator.rebalance;

/**
 * What a plan costs: replica moves (copies onto brokers that did not hold the partition), the
 * partitions that move or are only reordered, preferred-leader changes, and the bytes to copy over
 * the moves whose partition size is known.
 */
public record PlanTotals(
        int replicaMoves,
        int partitionsMoved,
        int partitionsReordered,
        int leaderChanges,
        long bytesToCopy,
        int movesOfUnknownSize) {}
