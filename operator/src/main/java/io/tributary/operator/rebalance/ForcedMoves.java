package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.List;

/**
 * The moves no plan can avoid, made so that they also help the balance: steps 1 and 2 of the plan.
 *
 * <ol>
 *   <li>Every partition (topic order): replicas on draining brokers leave; so do replicas beyond
 *       what a rack may hold, and, if a rack holds fewer than the rule asks and no position is free
 *       for it, a replica of a rack with more than it needs; each time from the broker most above
 *       its target.
 *   <li>Then, every partition again: each position left empty goes, among the brokers the rack rule
 *       allows (a rack still short of the rule first), to one in a rack below its total, and the
 *       one most below its target; never back to a broker the partition just left. Leaving first,
 *       for all partitions, lets a partition take the place another one freed.
 * </ol>
 */
final class ForcedMoves {
    private final WorkingAssignment work;
    private final RackRule rule;
    private final BalanceTargets targets;
    private final int brokers;

    ForcedMoves(WorkingAssignment work, RackRule rule, BalanceTargets targets) {
        this.work = work;
        this.rule = rule;
        this.targets = targets;
        this.brokers = work.brokers();
    }

    void run() {
        List<int[]> released = new ArrayList<>();
        for (int p = 0; p < work.partitions(); p++) {
            int[] original = work.replicas(p).clone();
            released.add(release(p) ? original : null);
        }
        for (int p = 0; p < work.partitions(); p++) {
            if (released.get(p) != null) {
                place(p, released.get(p));
            }
        }
    }

    /** Step 1 for one partition: whether any of its positions was emptied. */
    private boolean release(int p) {
        int[] replicas = work.replicas(p);
        int k = replicas.length;
        int open = 0;
        for (int i = 0; i < k; i++) {
            if (!staying(replicas[i])) {
                work.open(p, i);
                open++;
            }
        }
        int[] onRack = rule.rackCounts(replicas);
        for (int r = 0; r < rule.racks(); r++) {
            while (onRack[r] > rule.upper(k, r)) {
                work.open(p, mostAbove(replicas, r, k, onRack, false));
                onRack[r]--;
                open++;
            }
        }
        int missing = missingOf(replicas, onRack);
        while (missing > open) {
            int i = mostAbove(replicas, -1, k, onRack, true);
            onRack[rule.rackOf(replicas[i])]--;
            work.open(p, i);
            open++;
        }
        return open > 0;
    }

    /** How many replicas the racks below the rule's least still need. */
    private int missingOf(int[] replicas, int[] onRack) {
        int missing = 0;
        for (int r = 0; r < rule.racks(); r++) {
            missing += Math.max(0, rule.lower(replicas.length, r) - onRack[r]);
        }
        return missing;
    }

    /** Step 2 for one partition, never back onto a broker it held before step 1. */
    private void place(int p, int[] original) {
        int[] replicas = work.replicas(p);
        int k = replicas.length;
        int[] onRack = rule.rackCounts(replicas);
        int missing = missingOf(replicas, onRack);
        int open = 0;
        for (int b : replicas) {
            if (b == WorkingAssignment.OPEN) {
                open++;
            }
        }
        for (int i = 0; i < k; i++) {
            if (replicas[i] != WorkingAssignment.OPEN) {
                continue;
            }
            boolean onlyShortRacks = missing == open;
            int best = -1;
            for (int b = 0; b < brokers; b++) {
                if (!staying(b) || contains(original, b) || contains(replicas, b)) {
                    continue;
                }
                int r = rule.rackOf(b);
                int limit = onlyShortRacks ? rule.lower(k, r) : rule.upper(k, r);
                if (onRack[r] < limit && (best < 0 || placeBefore(b, best))) {
                    best = b;
                }
            }
            if (best < 0) {
                // cannot happen: a rack below its limit always has a broker the partition never
                // held
                throw new IllegalStateException("no broker may take a replica of partition " + p);
            }
            int r = rule.rackOf(best);
            if (onRack[r] < rule.lower(k, r)) {
                missing--;
            }
            onRack[r]++;
            work.fill(p, i, best);
            open--;
        }
    }

    /** For a new replica: a broker in a rack below its total first, then the one most below. */
    private boolean placeBefore(int b, int other) {
        int rackB = targets.rackExcess(rule.rackOf(b), rackTotal(rule.rackOf(b)));
        int rackOther = targets.rackExcess(rule.rackOf(other), rackTotal(rule.rackOf(other)));
        if ((rackB < 0) != (rackOther < 0)) {
            return rackB < 0;
        }
        return below(b) > below(other);
    }

    private long rackTotal(int rack) {
        long total = 0;
        for (int b = 0; b < brokers; b++) {
            if (rule.rackOf(b) == rack) {
                total += work.count(b);
            }
        }
        return total;
    }

    /**
     * The position whose broker is most above its target: within a rack, or (rack -1) on any rack
     * holding more than the rule asks.
     */
    private int mostAbove(int[] replicas, int rack, int k, int[] onRack, boolean aboveLower) {
        int best = -1;
        for (int i = 0; i < replicas.length; i++) {
            int b = replicas[i];
            if (b == WorkingAssignment.OPEN) {
                continue;
            }
            int r = rule.rackOf(b);
            boolean candidate = aboveLower ? onRack[r] > rule.lower(k, r) : r == rack;
            if (candidate
                    && (best < 0
                            || above(b) > above(replicas[best])
                            || (above(b) == above(replicas[best]) && b < replicas[best]))) {
                best = i;
            }
        }
        return best;
    }

    private boolean staying(int broker) {
        return broker >= 0 && rule.rackOf(broker) >= 0;
    }

    private int above(int broker) {
        return work.count(broker) - targets.replicaHigh(broker);
    }

    private int below(int broker) {
        return targets.replicaLow(broker) - work.count(broker);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
