package io.tributary.operator.rebalance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses every partition's preferred leader among its replicas, so that each broker leads within
 * its target; reordering replicas copies no data. It starts from the replica in first position (a
 * moved replica takes the position of the one it replaces) and changes leaders only to take a
 * broker above its target down or one below it up: directly, by handing one of its partitions to
 * another of the partition's replicas, or along the shortest chain of such hand-overs through
 * brokers on target. When the replicas allow no broker on target to be reached (partitions with one
 * replica, say), a chain to the broker leading fewest, if two fewer, evens them out as far as they
 * allow; a broker nothing can help stays as it is.
 */
final class LeaderBalancer {
    private final WorkingAssignment work;
    private final BalanceTargets targets;
    private final int brokers;
    private final int[] leader;
    private final int[] leads;
    private final List<TreeSet<Integer>> led = new ArrayList<>();

    LeaderBalancer(WorkingAssignment work, BalanceTargets targets) {
        this.work = work;
        this.targets = targets;
        this.brokers = work.brokers();
        this.leader = new int[work.partitions()];
        this.leads = new int[brokers];
        for (int b = 0; b < brokers; b++) {
            led.add(new TreeSet<>());
        }
        for (int p = 0; p < leader.length; p++) {
            leader[p] = work.replicas(p)[0];
            leads[leader[p]]++;
            led.get(leader[p]).add(p);
        }
    }

    /** Every partition's preferred leader, by broker index. */
    int[] run() {
        boolean[] stuck = new boolean[brokers];
        int limit = 4 * leader.length + 16;
        int changes = 0;
        int changesAtRetry = 0;
        while (changes < limit) {
            int over = furthest(stuck, true);
            int under = over >= 0 ? -1 : furthest(stuck, false);
            if (over < 0 && under < 0) {
                if (changes == changesAtRetry) {
                    break;
                }
                changesAtRetry = changes;
                Arrays.fill(stuck, false);
                continue;
            }
            int made = over >= 0 ? handOver(over) : takeOver(under);
            if (made == 0) {
                stuck[Math.max(over, under)] = true;
            }
            changes += made;
        }
        return leader.clone();
    }

    private int furthest(boolean[] stuck, boolean aboveTarget) {
        int best = -1;
        int bestBy = 0;
        for (int b = 0; b < brokers; b++) {
            int by = aboveTarget ? leads[b] - targets.leaderHigh() : targets.leaderLow() - leads[b];
            if (!stuck[b] && work.count(b) > 0 && by > bestBy) {
                best = b;
                bestBy = by;
            }
        }
        return best;
    }

    /**
     * Takes a broker above its target down by one, to a broker with room or else to the one leading
     * fewest if two fewer; the number of leaders changed.
     */
    private int handOver(int from) {
        int bestPartition = -1;
        int bestTo = -1;
        for (int p : led.get(from)) {
            for (int to : work.replicas(p)) {
                if (to != from
                        && leads[to] <= leads[from] - 2
                        && (bestTo < 0 || leads[to] < leads[bestTo])) {
                    bestPartition = p;
                    bestTo = to;
                }
            }
        }
        if (bestTo >= 0 && hasRoom(bestTo)) {
            change(bestPartition, bestTo);
            return 1;
        }
        int[] parent = new int[brokers];
        int[] via = new int[brokers];
        boolean[] seen = new boolean[brokers];
        Arrays.fill(parent, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[from] = true;
        queue.add(from);
        int fewest = -1;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p : led.get(u)) {
                for (int y : work.replicas(p)) {
                    if (seen[y]) {
                        continue;
                    }
                    seen[y] = true;
                    parent[y] = u;
                    via[y] = p;
                    if (hasRoom(y)) {
                        return changeAlong(y, parent, via);
                    }
                    if (leads[y] <= leads[from] - 2 && (fewest < 0 || leads[y] < leads[fewest])) {
                        fewest = y;
                    }
                    queue.add(y);
                }
            }
        }
        return fewest >= 0 ? changeAlong(fewest, parent, via) : 0;
    }

    /** Each broker on the path from its end back takes over the partition its parent led. */
    private int changeAlong(int end, int[] parent, int[] via) {
        int made = 0;
        for (int v = end; parent[v] >= 0; v = parent[v]) {
            change(via[v], v);
            made++;
        }
        return made;
    }

    /**
     * Takes a broker below its target up by one, from a broker above its low mark or else from the
     * one leading most if two more; the number of leaders changed.
     */
    private int takeOver(int to) {
        int bestPartition = -1;
        for (int p : work.partitionsOf(to)) {
            int from = leader[p];
            if (from != to
                    && leads[from] >= leads[to] + 2
                    && (bestPartition < 0 || leads[from] > leads[leader[bestPartition]])) {
                bestPartition = p;
            }
        }
        if (bestPartition >= 0 && leads[leader[bestPartition]] > targets.leaderLow()) {
            change(bestPartition, to);
            return 1;
        }
        int[] next = new int[brokers];
        int[] via = new int[brokers];
        boolean[] seen = new boolean[brokers];
        Arrays.fill(next, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[to] = true;
        queue.add(to);
        int most = -1;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p : work.partitionsOf(u)) {
                int x = leader[p];
                if (seen[x]) {
                    continue;
                }
                seen[x] = true;
                next[x] = u;
                via[x] = p;
                if (leads[x] > targets.leaderLow()) {
                    return handAlong(x, next, via);
                }
                if (leads[x] >= leads[to] + 2 && (most < 0 || leads[x] > leads[most])) {
                    most = x;
                }
                queue.add(x);
            }
        }
        return most >= 0 ? handAlong(most, next, via) : 0;
    }

    /** Each broker on the path from its start hands the partition on to the next. */
    private int handAlong(int start, int[] next, int[] via) {
        int made = 0;
        for (int v = start; next[v] >= 0; v = next[v]) {
            change(via[v], next[v]);
            made++;
        }
        return made;
    }

    private boolean hasRoom(int broker) {
        return leads[broker] < targets.leaderHigh();
    }

    private void change(int partition, int to) {
        int from = leader[partition];
        leads[from]--;
        led.get(from).remove(partition);
        leader[partition] = to;
        leads[to]++;
        led.get(to).add(partition);
    }
}
