package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The assignment while it is being planned: each partition's replicas as broker indices, kept in
 * their positions, with every broker's replica count and the partitions it holds, smallest first.
 * Mutable; internal to the planner.
 */
final class WorkingAssignment {
    /** A replica position that is empty while its partition waits for a new broker. */
    static final int OPEN = -1;

    private final int[][] replicas;
    private final int[] rank;
    private final int[] partitionAtRank;
    private final int[] count;
    private final List<TreeSet<Integer>> held;
    private int moves;

    /**
     * @param replicas per partition, its brokers by index
     * @param bySize the partitions, smallest first (unknown sizes last); moves prefer this order
     */
    WorkingAssignment(int[][] replicas, int[] bySize, int brokers) {
        this.replicas = new int[replicas.length][];
        this.rank = new int[replicas.length];
        this.partitionAtRank = bySize.clone();
        this.count = new int[brokers];
        this.held = new ArrayList<>(brokers);
        for (int b = 0; b < brokers; b++) {
            held.add(new TreeSet<>());
        }
        for (int r = 0; r < bySize.length; r++) {
            rank[bySize[r]] = r;
        }
        for (int p = 0; p < replicas.length; p++) {
            this.replicas[p] = replicas[p].clone();
            for (int b : replicas[p]) {
                count[b]++;
                held.get(b).add(rank[p]);
            }
        }
    }

    int partitions() {
        return replicas.length;
    }

    int brokers() {
        return count.length;
    }

    /** The partition's replicas by position; read only, positions may be {@link #OPEN}. */
    int[] replicas(int partition) {
        return replicas[partition];
    }

    /** The partition's place in the smallest-first order. */
    int rank(int partition) {
        return rank[partition];
    }

    int count(int broker) {
        return count[broker];
    }

    /** Replica moves made so far: brokers that received a replica. */
    int moves() {
        return moves;
    }

    boolean holds(int partition, int broker) {
        for (int b : replicas[partition]) {
            if (b == broker) {
                return true;
            }
        }
        return false;
    }

    /**
     * The partitions the broker holds, smallest first. Do not change the broker while iterating.
     */
    Iterable<Integer> partitionsOf(int broker) {
        return () -> {
            Iterator<Integer> ranks = held.get(broker).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return ranks.hasNext();
                }

                @Override
                public Integer next() {
                    return partitionAtRank[ranks.next()];
                }
            };
        };
    }

    /** Empties a position, taking the replica off its broker. */
    void open(int partition, int position) {
        int broker = replicas[partition][position];
        count[broker]--;
        held.get(broker).remove(rank[partition]);
        replicas[partition][position] = OPEN;
    }

    /** Fills an empty position with a broker: one replica move. */
    void fill(int partition, int position, int broker) {
        replicas[partition][position] = broker;
        count[broker]++;
        held.get(broker).add(rank[partition]);
        moves++;
    }

    /** Moves the partition's replica from one broker to another, in the same position. */
    void move(int partition, int from, int to) {
        int[] positions = replicas[partition];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == from) {
                open(partition, i);
                fill(partition, i, to);
                return;
            }
        }
        throw new IllegalStateException("broker index " + from + " holds no replica to move");
    }
}
