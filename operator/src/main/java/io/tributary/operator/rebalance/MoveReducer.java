package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Undoes moves the balancing steps made in vain, keeping every goal met: the greedy steps can send
 * a replica somewhere and later need another move to make room after it, where sending a different
 * replica would have done with one.
 *
 * <p>Between brokers that stay, an edge x → y means some partition may move its replica from x to y
 * (y does not hold it and the rack rule allows it). Its cost is the change in replica moves against
 * the current assignment: +1 if y did not hold the partition before the plan, -1 if x did not (the
 * move is undone), 0 when both or neither. A cycle of edges changes no broker's count; a path from
 * a broker above its low mark to one below its high mark keeps both within target. Such a cycle or
 * path of negative cost (found with Bellman-Ford, through a virtual node that links the paths'
 * ends) is a set of moves that keeps every goal and saves moves; carrying them out and looking
 * again until none is left is cycle cancelling, as for a min-cost flow. Among partitions giving an
 * edge the same cost, a new move takes the smallest partition and an undone one the largest.
 */
final class MoveReducer {
    private final WorkingAssignment work;
    private final RackRule rule;
    private final BalanceTargets targets;
    private final int[][] original;
    private final int brokers;

    /**
     * @param original each partition's brokers before the plan
     */
    MoveReducer(WorkingAssignment work, RackRule rule, BalanceTargets targets, int[][] original) {
        this.work = work;
        this.rule = rule;
        this.targets = targets;
        this.original = original;
        this.brokers = work.brokers();
    }

    void run() {
        int rounds = work.moves() + 1;
        for (int round = 0; round < rounds; round++) {
            if (!cancelOne()) {
                return;
            }
        }
    }

    /** Finds and carries out one negative cycle; whether there was one. */
    private boolean cancelOne() {
        int[][] cost = new int[brokers][brokers];
        int[][] via = new int[brokers][brokers];
        for (int[] row : via) {
            Arrays.fill(row, -1);
        }
        for (int x = 0; x < brokers; x++) {
            if (!staying(x)) {
                continue;
            }
            for (int p : work.partitionsOf(x)) {
                int leaving = held(p, x) ? 0 : -1;
                for (int y = 0; y < brokers; y++) {
                    if (!staying(y) || y == x || work.holds(p, y)) {
                        continue;
                    }
                    int c = leaving + (held(p, y) ? 0 : 1);
                    boolean better = via[x][y] < 0 || c < cost[x][y] || (c == cost[x][y] && c < 0);
                    if (better && rule.allowsMove(work.replicas(p), x, y)) {
                        cost[x][y] = c;
                        via[x][y] = p;
                    }
                }
            }
        }
        List<Integer> cycle = negativeCycle(cost, via);
        if (cycle.isEmpty()) {
            return false;
        }
        Set<Integer> partitions = new HashSet<>();
        List<int[]> moves = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            int x = cycle.get(i);
            int y = cycle.get((i + 1) % cycle.size());
            if (x == brokers || y == brokers) {
                continue; // the virtual node: a path's ends
            }
            if (!partitions.add(via[x][y])) {
                return false; // one partition twice: its moves interact; stop here
            }
            moves.add(new int[] {via[x][y], x, y});
        }
        for (int[] move : moves) {
            work.move(move[0], move[1], move[2]);
        }
        return true;
    }

    /**
     * A cycle of negative cost over the brokers and a virtual node (index {@code brokers}) with
     * free edges into every broker above its low mark and out of every broker below its high mark,
     * or an empty list.
     */
    private List<Integer> negativeCycle(int[][] cost, int[][] via) {
        int nodes = brokers + 1;
        int virtual = brokers;
        long[] dist = new long[nodes];
        int[] parent = new int[nodes];
        Arrays.fill(parent, -1);
        int changed = -1;
        for (int round = 0; round < nodes; round++) {
            changed = -1;
            for (int x = 0; x < nodes; x++) {
                for (int y = 0; y < nodes; y++) {
                    long edge = edge(x, y, cost, via, virtual);
                    if (edge != Long.MAX_VALUE && dist[x] + edge < dist[y]) {
                        dist[y] = dist[x] + edge;
                        parent[y] = x;
                        changed = y;
                    }
                }
            }
            if (changed < 0) {
                return List.of();
            }
        }
        int v = changed;
        for (int i = 0; i < nodes; i++) {
            v = parent[v];
        }
        List<Integer> cycle = new ArrayList<>();
        int u = v;
        do {
            cycle.add(0, u);
            u = parent[u];
        } while (u != v);
        return cycle;
    }

    private long edge(int x, int y, int[][] cost, int[][] via, int virtual) {
        if (x == y) {
            return Long.MAX_VALUE;
        }
        if (x == virtual) {
            return staying(y) && work.count(y) > targets.replicaLow(y) ? 0 : Long.MAX_VALUE;
        }
        if (y == virtual) {
            return staying(x) && work.count(x) < targets.replicaHigh(x) ? 0 : Long.MAX_VALUE;
        }
        return via[x][y] >= 0 ? cost[x][y] : Long.MAX_VALUE;
    }

    private boolean held(int partition, int broker) {
        for (int b : original[partition]) {
            if (b == broker) {
                return true;
            }
        }
        return false;
    }

    private boolean staying(int broker) {
        return rule.rackOf(broker) >= 0;
    }
}
