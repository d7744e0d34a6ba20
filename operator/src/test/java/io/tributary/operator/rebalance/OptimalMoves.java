package io.tributary.operator.rebalance;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * The fewest replica moves that meet the replica goals, exactly, as a min-cost flow: each partition
 * sends its replication factor through one node per rack (carrying between the least and most
 * replicas the rack rule lets that rack hold) to the brokers of that rack (one unit each, costing a
 * move where the broker does not hold the partition yet), and each broker passes on between the low
 * and high end of its replica range. Any plan that meets the goals is such a flow, so its moves are
 * at least this; the flow is integral, so this is also reachable. Solved by successive shortest
 * paths with potentials, augmenting along all shortest paths at once.
 */
final class OptimalMoves {
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private int[] cap = new int[16];
    private int[] cost = new int[16];
    private int edges;

    private OptimalMoves(int nodes) {
        head = new int[nodes];
        Arrays.fill(head, -1);
    }

    /** The fewest moves, or empty when no assignment can meet the goals. */
    static OptionalLong of(RebalanceRequest request, PlanCheck check) {
        List<Integer> brokers = check.stayingBrokers();
        List<PartitionAssignment> partitions = request.partitions();
        int racks = check.rackCount();
        int source = 0;
        int sink = 1;
        int optional = 2;
        int partitionBase = 3;
        int rackBase = partitionBase + partitions.size();
        int brokerBase = rackBase + partitions.size() * racks;
        OptimalMoves flow = new OptimalMoves(brokerBase + brokers.size());
        long total = 0;
        for (int p = 0; p < partitions.size(); p++) {
            PartitionAssignment partition = partitions.get(p);
            int k = partition.replicationFactor();
            total += k;
            int[][] bounds = check.rackBounds(k);
            int forced = 0;
            for (int r = 0; r < racks; r++) {
                int node = rackBase + p * racks + r;
                flow.add(source, node, bounds[0][r], 0);
                flow.add(partitionBase + p, node, bounds[1][r] - bounds[0][r], 0);
                forced += bounds[0][r];
            }
            flow.add(source, partitionBase + p, k - forced, 0);
            for (int b = 0; b < brokers.size(); b++) {
                int broker = brokers.get(b);
                int node = rackBase + p * racks + check.rackIndex(broker);
                flow.add(node, brokerBase + b, 1, partition.replicas().contains(broker) ? 0 : 1);
            }
        }
        long lows = 0;
        for (int b = 0; b < brokers.size(); b++) {
            int broker = brokers.get(b);
            int low = Math.max(0, check.low(broker));
            lows += low;
            flow.add(brokerBase + b, sink, low, 0);
            flow.add(brokerBase + b, optional, Math.max(0, check.high(broker) - low), 0);
        }
        flow.add(optional, sink, (int) Math.max(0, total - lows), 0);
        long[] result = flow.minCostFlow(source, sink);
        return result[0] == total ? OptionalLong.of(result[1]) : OptionalLong.empty();
    }

    private void add(int from, int toNode, int capacity, int unitCost) {
        if (capacity <= 0) {
            return;
        }
        ensure(edges + 2);
        link(from, toNode, capacity, unitCost);
        link(toNode, from, 0, -unitCost);
    }

    private void link(int from, int toNode, int capacity, int unitCost) {
        to[edges] = toNode;
        cap[edges] = capacity;
        cost[edges] = unitCost;
        next[edges] = head[from];
        head[from] = edges++;
    }

    private void ensure(int size) {
        if (size > to.length) {
            int n = Math.max(size, to.length * 2);
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
            cost = Arrays.copyOf(cost, n);
        }
    }

    /** {flow, cost} of a min-cost max-flow. */
    private long[] minCostFlow(int source, int sink) {
        int n = head.length;
        long[] potential = new long[n];
        long flow = 0;
        long totalCost = 0;
        while (true) {
            long[] dist = new long[n];
            Arrays.fill(dist, Long.MAX_VALUE);
            dist[source] = 0;
            PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
            queue.add(new long[] {0, source});
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int u = (int) top[1];
                if (top[0] > dist[u]) {
                    continue;
                }
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (cap[e] > 0) {
                        long d = dist[u] + cost[e] + potential[u] - potential[to[e]];
                        if (d < dist[to[e]]) {
                            dist[to[e]] = d;
                            queue.add(new long[] {d, to[e]});
                        }
                    }
                }
            }
            if (dist[sink] == Long.MAX_VALUE) {
                return new long[] {flow, totalCost};
            }
            for (int v = 0; v < n; v++) {
                if (dist[v] != Long.MAX_VALUE) {
                    potential[v] += dist[v];
                }
            }
            long pushed = blockingFlows(source, sink, potential);
            flow += pushed;
            totalCost += pushed * (potential[sink] - potential[source]);
        }
    }

    /** Pushes as much as the zero reduced-cost arcs carry (Dinic's algorithm on them). */
    private long blockingFlows(int source, int sink, long[] potential) {
        int n = head.length;
        long pushed = 0;
        while (true) {
            int[] level = new int[n];
            Arrays.fill(level, -1);
            level[source] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(source));
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int e = head[u]; e >= 0; e = next[e]) {
                    if (admissible(e, u, potential) && level[to[e]] < 0) {
                        level[to[e]] = level[u] + 1;
                        queue.add(to[e]);
                    }
                }
            }
            if (level[sink] < 0) {
                return pushed;
            }
            int[] current = head.clone();
            int f;
            while ((f = push(source, sink, Integer.MAX_VALUE, level, current, potential)) > 0) {
                pushed += f;
            }
        }
    }

    private int push(int u, int sink, int limit, int[] level, int[] current, long[] potential) {
        if (u == sink) {
            return limit;
        }
        for (; current[u] >= 0; current[u] = next[current[u]]) {
            int e = current[u];
            int v = to[e];
            if (level[v] == level[u] + 1 && admissible(e, u, potential)) {
                int f = push(v, sink, Math.min(limit, cap[e]), level, current, potential);
                if (f > 0) {
                    cap[e] -= f;
                    cap[e ^ 1] += f;
                    return f;
                }
            }
        }
        return 0;
    }

    private boolean admissible(int e, int u, long[] potential) {
        return cap[e] > 0 && cost[e] + potential[u] - potential[to[e]] == 0;
    }
}
