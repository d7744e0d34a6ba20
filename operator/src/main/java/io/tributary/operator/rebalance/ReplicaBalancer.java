package io.tributary.operator.rebalance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moves replicas until every broker that stays is within its replica target, once {@link
 * ForcedMoves} has emptied the draining brokers and fixed the rack rule; every move keeps the rack
 * rule. Steps 3 to 6 of the plan (1 and 2 are the forced moves):
 *
 * <ol start="3">
 *   <li>While a broker holds more than its target (the one furthest above first), its smallest
 *       partitions that may go to a broker below target (or else to one with room, or else to one
 *       holding two fewer) move to the one furthest below, in one scan of its partitions.
 *   <li>While a broker holds fewer than its target, the smallest partition that a broker above its
 *       low mark (or else one holding two more) may give it moves.
 *   <li>When no single move is allowed (the rack rule or the brokers' current partitions block it),
 *       the shortest chain of allowed moves through brokers on target does it: each link moves one
 *       replica, so the brokers in between keep their counts.
 *   <li>A broker that no chain can help (the rack rule allows no better) stays off target; it is
 *       tried again after other moves, until a round moves nothing.
 * </ol>
 *
 * Each move of steps 3 to 5 goes from a broker to one holding at least two fewer, so the sum of
 * squared counts falls and the loop ends; a move to a broker below target or with room takes one
 * broker closer to target and none further, so the moves are those the imbalance needs.
 */
final class ReplicaBalancer {
    private final WorkingAssignment work;
    private final RackRule rule;
    private final BalanceTargets targets;
    private final int brokers;

    ReplicaBalancer(WorkingAssignment work, RackRule rule, BalanceTargets targets) {
        this.work = work;
        this.rule = rule;
        this.targets = targets;
        this.brokers = work.brokers();
    }

    void run() {
        boolean[] stuck = new boolean[brokers];
        int limit = 4 * totalReplicas() + 16;
        int movesAtRetry = work.moves();
        while (work.moves() < limit) {
            int over = furthest(stuck, true);
            if (over >= 0) {
                if (!moveFrom(over) && !chain(over, -1)) {
                    stuck[over] = true;
                }
                continue;
            }
            int under = furthest(stuck, false);
            if (under >= 0) {
                if (!moveInto(under) && !chain(-1, under)) {
                    stuck[under] = true;
                }
                continue;
            }
            if (work.moves() == movesAtRetry) {
                return;
            }
            movesAtRetry = work.moves();
            Arrays.fill(stuck, false);
        }
    }

    /**
     * Whether moving a replica from one broker to another takes the racks towards their totals: a
     * move within a rack always does (or leaves them), a move across racks only from a rack above
     * its total to one below.
     */
    private boolean rackWise(int from, int to, long[] rackTotals) {
        int fromRack = rule.rackOf(from);
        int toRack = rule.rackOf(to);
        return fromRack == toRack
                || (targets.rackExcess(fromRack, rackTotals[fromRack]) > 0
                        && targets.rackExcess(toRack, rackTotals[toRack]) < 0);
    }

    private long[] rackTotals() {
        long[] totals = new long[rule.racks()];
        for (int b = 0; b < brokers; b++) {
            if (staying(b)) {
                totals[rule.rackOf(b)] += work.count(b);
            }
        }
        return totals;
    }

    /** The broker not yet found stuck that is furthest above (or below) its target, or -1. */
    private int furthest(boolean[] stuck, boolean aboveTarget) {
        int best = -1;
        int bestBy = 0;
        for (int b = 0; b < brokers; b++) {
            int by = aboveTarget ? above(b) : below(b);
            if (staying(b) && !stuck[b] && by > bestBy) {
                best = b;
                bestBy = by;
            }
        }
        return best;
    }

    /** Whom a broker above target gives to, in order of preference. */
    private enum Receiver {
        BELOW_TARGET,
        WITH_ROOM,
        HOLDING_TWO_FEWER
    }

    private boolean receives(Receiver receiver, int b, int from) {
        return switch (receiver) {
            case BELOW_TARGET -> below(b) > 0;
            case WITH_ROOM -> hasRoom(b);
            case HOLDING_TWO_FEWER -> work.count(b) <= work.count(from) - 2;
        };
    }

    /**
     * Moves the broker's smallest partitions, one scan per kind of receiver, until it is on target;
     * whether any moved.
     */
    private boolean moveFrom(int from) {
        long[] rackTotals = rackTotals();
        boolean moved = false;
        for (Receiver receiver : Receiver.values()) {
            for (boolean onlyRackWise : new boolean[] {true, false}) {
                List<Integer> partitions = new ArrayList<>();
                work.partitionsOf(from).forEach(partitions::add);
                for (int p : partitions) {
                    if (above(from) <= 0) {
                        return moved;
                    }
                    int to = -1;
                    for (int b = 0; b < brokers; b++) {
                        if (receives(receiver, b, from)
                                && canMove(p, from, b)
                                && (!onlyRackWise || rackWise(from, b, rackTotals))
                                && (to < 0 || below(b) > below(to))) {
                            to = b;
                        }
                    }
                    if (to >= 0) {
                        work.move(p, from, to);
                        rackTotals[rule.rackOf(from)]--;
                        rackTotals[rule.rackOf(to)]++;
                        moved = true;
                    }
                }
            }
        }
        return moved;
    }

    /** A broker above its low mark gives first; one holding two more than the receiver if none. */
    private boolean gives(boolean aboveLowMark, int b, int to) {
        return b != to
                && staying(b)
                && (aboveLowMark
                        ? work.count(b) > targets.replicaLow(b)
                        : work.count(b) >= work.count(to) + 2);
    }

    private boolean moveInto(int to) {
        long[] rackTotals = rackTotals();
        for (int pass = 0; pass < 4; pass++) {
            boolean aboveLowMark = pass < 2;
            boolean onlyRackWise = pass % 2 == 0;
            int bestPartition = -1;
            int bestFrom = -1;
            for (int from = 0; from < brokers; from++) {
                if (!gives(aboveLowMark, from, to)
                        || (onlyRackWise && !rackWise(from, to, rackTotals))) {
                    continue;
                }
                for (int p : work.partitionsOf(from)) {
                    if (canMove(p, from, to)) {
                        if (bestPartition < 0 || work.rank(p) < work.rank(bestPartition)) {
                            bestPartition = p;
                            bestFrom = from;
                        }
                        break;
                    }
                }
            }
            if (bestPartition >= 0) {
                work.move(bestPartition, bestFrom, to);
                return true;
            }
        }
        return false;
    }

    /**
     * Step 5: the shortest chain of allowed moves from {@code from} to a broker with room (or else
     * to the one holding fewest, if two fewer than {@code from}), or, with from = -1, to {@code to}
     * from a broker that may give; carried out from its far end.
     */
    private boolean chain(int from, int to) {
        if (from >= 0) {
            return search(List.of(from), to);
        }
        for (boolean aboveLowMark : new boolean[] {true, false}) {
            List<Integer> sources = new ArrayList<>();
            for (int b = 0; b < brokers; b++) {
                if (gives(aboveLowMark, b, to)) {
                    sources.add(b);
                }
            }
            if (!sources.isEmpty() && search(sources, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean search(List<Integer> sources, int to) {
        int[] parent = new int[brokers];
        int[] via = new int[brokers];
        boolean[] seen = new boolean[brokers];
        Arrays.fill(parent, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>(sources);
        sources.forEach(b -> seen[b] = true);
        int fewest = -1;
        int from = sources.get(0);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p : work.partitionsOf(u)) {
                for (int y = 0; y < brokers; y++) {
                    if (seen[y] || !canMove(p, u, y)) {
                        continue;
                    }
                    seen[y] = true;
                    parent[y] = u;
                    via[y] = p;
                    if (to >= 0 ? y == to : hasRoom(y)) {
                        carryOut(y, parent, via);
                        return true;
                    }
                    if (to < 0
                            && work.count(y) <= work.count(from) - 2
                            && (fewest < 0 || work.count(y) < work.count(fewest))) {
                        fewest = y;
                    }
                    queue.add(y);
                }
            }
        }
        if (fewest >= 0) {
            carryOut(fewest, parent, via);
            return true;
        }
        return false;
    }

    private void carryOut(int end, int[] parent, int[] via) {
        for (int y = end; parent[y] >= 0; y = parent[y]) {
            if (!canMove(via[y], parent[y], y)) {
                return; // an earlier link of this chain changed the partition; the loop goes on
            }
            work.move(via[y], parent[y], y);
        }
    }

    private boolean canMove(int p, int from, int to) {
        return from != to
                && staying(to)
                && !work.holds(p, to)
                && work.holds(p, from)
                && rule.allowsMove(work.replicas(p), from, to);
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

    private boolean hasRoom(int broker) {
        return work.count(broker) < targets.replicaHigh(broker);
    }

    private int totalReplicas() {
        int total = 0;
        for (int p = 0; p < work.partitions(); p++) {
            total += work.replicas(p).length;
        }
        return total;
    }
}
