package io.tributary.operator.rebalance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planner's goals and a lower bound on its moves, computed from the request alone and written
 * apart from the planner (other definitions, other algorithms), so that the tests check the planner
 * against something it could disagree with.
 *
 * <ul>
 *   <li>Rack rule: a partition's replicas per rack (counting brokers that stay) are valid when no
 *       rack holds two more than another rack that still has a broker without a replica of it.
 *   <li>Replica balance: a rack's mean is found by bisection on the level per broker, each rack
 *       clamped between the least and most the rack rule lets it hold (summed over partitions).
 *   <li>Leader balance: within ±1 of partitions / brokers, or else no chain of leader hand-overs
 *       could even things out.
 *   <li>Lower bound: every replica on a draining broker moves; of the replicas that stay, each
 *       partition must move at least as many as its nearest valid rack spread needs, and each
 *       broker above its range must lose its excess: the larger of those two counts moves, on top
 *       of the drained ones. And each broker below its range must receive what it lacks.
 * </ul>
 */
final class PlanCheck {
    private static final double EPSILON = 1e-9;

    private final RebalanceRequest request;
    private final Set<Integer> staying = new HashSet<>();
    private final Map<Integer, String> rackOf = new HashMap<>();
    private final TreeMap<String, Integer> rackSizes = new TreeMap<>();
    private final List<String> racks;
    private final Map<Integer, List<int[]>> spreads = new HashMap<>();
    private final Map<String, Double> rackMean = new HashMap<>();

    PlanCheck(RebalanceRequest request) {
        this.request = request;
        for (Broker broker : request.brokers()) {
            if (!request.draining().contains(broker.id())) {
                staying.add(broker.id());
                String rack = broker.rack().orElse("");
                rackOf.put(broker.id(), rack);
                rackSizes.merge(rack, 1, Integer::sum);
            }
        }
        racks = new ArrayList<>(rackSizes.keySet());
        computeRackMeans();
    }

    /** The valid replicas-per-rack vectors of a replication factor, racks in name order. */
    private List<int[]> spreads(int factor) {
        return spreads.computeIfAbsent(
                factor,
                k -> {
                    List<int[]> found = new ArrayList<>();
                    enumerate(new int[racks.size()], 0, k, found);
                    return found;
                });
    }

    private void enumerate(int[] v, int rack, int left, List<int[]> found) {
        if (rack == v.length) {
            if (left == 0 && even(v)) {
                found.add(v.clone());
            }
            return;
        }
        for (int n = 0; n <= Math.min(left, rackSizes.get(racks.get(rack))); n++) {
            v[rack] = n;
            enumerate(v, rack + 1, left - n, found);
        }
        v[rack] = 0;
    }

    private boolean even(int[] v) {
        for (int r = 0; r < v.length; r++) {
            for (int s = 0; s < v.length; s++) {
                if (v[r] >= v[s] + 2 && v[s] < rackSizes.get(racks.get(s))) {
                    return false;
                }
            }
        }
        return true;
    }

    private void computeRackMeans() {
        if (racks.isEmpty()) {
            return;
        }
        double[] least = new double[racks.size()];
        double[] most = new double[racks.size()];
        double total = 0;
        for (PartitionAssignment partition : request.partitions()) {
            int k = partition.replicationFactor();
            total += k;
            for (int r = 0; r < racks.size(); r++) {
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int[] v : spreads(k)) {
                    min = Math.min(min, v[r]);
                    max = Math.max(max, v[r]);
                }
                least[r] += min;
                most[r] += max;
            }
        }
        double low = 0;
        double high = total + 1;
        for (int i = 0; i < 200; i++) {
            double level = (low + high) / 2;
            if (filled(level, least, most) < total) {
                low = level;
            } else {
                high = level;
            }
        }
        for (int r = 0; r < racks.size(); r++) {
            int size = rackSizes.get(racks.get(r));
            rackMean.put(racks.get(r), Math.min(Math.max(size * high, least[r]), most[r]) / size);
        }
    }

    private double filled(double level, double[] least, double[] most) {
        double sum = 0;
        for (int r = 0; r < racks.size(); r++) {
            sum += Math.min(Math.max(rackSizes.get(racks.get(r)) * level, least[r]), most[r]);
        }
        return sum;
    }

    List<Integer> stayingBrokers() {
        return staying.stream().sorted().toList();
    }

    int rackCount() {
        return racks.size();
    }

    int rackIndex(int broker) {
        return racks.indexOf(rackOf.get(broker));
    }

    /** The least ({@code [0]}) and most ({@code [1]}) replicas per rack the rack rule allows. */
    int[][] rackBounds(int factor) {
        int[][] bounds = new int[2][racks.size()];
        Arrays.fill(bounds[0], Integer.MAX_VALUE);
        for (int[] v : spreads(factor)) {
            for (int r = 0; r < v.length; r++) {
                bounds[0][r] = Math.min(bounds[0][r], v[r]);
                bounds[1][r] = Math.max(bounds[1][r], v[r]);
            }
        }
        return bounds;
    }

    /** The replica count range of a broker that stays: ±1 of its rack's mean. */
    int low(int broker) {
        return (int) Math.ceil(rackMean.get(rackOf.get(broker)) - 1 - EPSILON);
    }

    int high(int broker) {
        return (int) Math.floor(rackMean.get(rackOf.get(broker)) + 1 + EPSILON);
    }

    double leaderMean() {
        return (double) request.partitions().size() / staying.size();
    }

    /** The fewest replica moves that any plan meeting the goals makes. */
    long lowerBound() {
        long drained = 0;
        long spreadMoves = 0;
        Map<Integer, Integer> count = new HashMap<>();
        for (PartitionAssignment partition : request.partitions()) {
            int[] onRack = new int[racks.size()];
            for (int replica : partition.replicas()) {
                if (staying.contains(replica)) {
                    onRack[racks.indexOf(rackOf.get(replica))]++;
                    count.merge(replica, 1, Integer::sum);
                } else {
                    drained++;
                }
            }
            int fewest = Integer.MAX_VALUE;
            for (int[] v : spreads(partition.replicationFactor())) {
                int leaving = 0;
                for (int r = 0; r < v.length; r++) {
                    leaving += Math.max(0, onRack[r] - v[r]);
                }
                fewest = Math.min(fewest, leaving);
            }
            spreadMoves += fewest;
        }
        long excess = 0;
        long lacking = 0;
        for (int broker : staying) {
            int c = count.getOrDefault(broker, 0);
            excess += Math.max(0, c - high(broker));
            lacking += Math.max(0, low(broker) - c);
        }
        return Math.max(drained + Math.max(spreadMoves, excess), lacking);
    }

    /** Every goal the plan misses, described; empty when it meets them all. */
    List<String> violations(RebalancePlan.Planned plan) {
        List<String> problems = new ArrayList<>();
        Map<String, PartitionAssignment> before = new HashMap<>();
        request.partitions().forEach(p -> before.put(p.name(), p));
        Map<Integer, Integer> replicas = new HashMap<>();
        Map<Integer, Integer> leaders = new HashMap<>();
        if (plan.target().size() != before.size()) {
            problems.add("target has " + plan.target().size() + " partitions");
        }
        for (PartitionAssignment target : plan.target()) {
            PartitionAssignment was = before.get(target.name());
            if (was == null) {
                problems.add("target has unknown partition " + target.name());
                continue;
            }
            if (target.replicationFactor() != was.replicationFactor()
                    || !target.sizeBytes().equals(was.sizeBytes())) {
                problems.add(target.name() + " changed replication factor or size");
            }
            int[] onRack = new int[racks.size()];
            for (int replica : target.replicas()) {
                replicas.merge(replica, 1, Integer::sum);
                if (!staying.contains(replica)) {
                    problems.add(target.name() + " has a replica on broker " + replica);
                } else {
                    onRack[racks.indexOf(rackOf.get(replica))]++;
                }
            }
            leaders.merge(target.replicas().get(0), 1, Integer::sum);
            if (spreads(target.replicationFactor()).stream()
                    .noneMatch(v -> Arrays.equals(v, onRack))) {
                problems.add(target.name() + " breaks the rack rule: " + target.replicas());
            }
        }
        for (int broker : staying) {
            int c = replicas.getOrDefault(broker, 0);
            if (c < low(broker) || c > high(broker)) {
                problems.add(
                        "broker %d holds %d replicas, outside %d..%d"
                                .formatted(broker, c, low(broker), high(broker)));
            }
        }
        problems.addAll(leaderProblems(plan.target(), leaders));
        problems.addAll(moveProblems(plan, before));
        return problems;
    }

    /**
     * A broker leading outside ±1 of the mean must have no chain of hand-overs to a broker leading
     * two fewer (or from one leading two more).
     */
    private List<String> leaderProblems(
            List<PartitionAssignment> target, Map<Integer, Integer> leaders) {
        List<String> problems = new ArrayList<>();
        double mean = leaderMean();
        for (int broker : staying) {
            int l = leaders.getOrDefault(broker, 0);
            if (l > mean + 1 + EPSILON && reaches(target, leaders, broker, true)) {
                problems.add("broker %d leads %d, could hand over".formatted(broker, l));
            }
            if (l < mean - 1 - EPSILON && reaches(target, leaders, broker, false)) {
                problems.add("broker %d leads %d, could take over".formatted(broker, l));
            }
        }
        return problems;
    }

    private boolean reaches(
            List<PartitionAssignment> target,
            Map<Integer, Integer> leaders,
            int start,
            boolean handingOver) {
        int l = leaders.getOrDefault(start, 0);
        Set<Integer> seen = new HashSet<>(Set.of(start));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (PartitionAssignment p : target) {
                List<Integer> next = new ArrayList<>();
                int leader = p.replicas().get(0);
                if (handingOver && leader == u) {
                    next.addAll(p.replicas());
                } else if (!handingOver && leader != u && p.replicas().contains(u)) {
                    next.add(leader);
                }
                for (int y : next) {
                    if (seen.add(y)) {
                        int ly = leaders.getOrDefault(y, 0);
                        if (handingOver ? ly <= l - 2 : ly >= l + 2) {
                            return true;
                        }
                        queue.add(y);
                    }
                }
            }
        }
        return false;
    }

    /** The moves list and totals must describe exactly the difference to the target. */
    private List<String> moveProblems(
            RebalancePlan.Planned plan, Map<String, PartitionAssignment> before) {
        List<String> problems = new ArrayList<>();
        Map<String, PartitionMove> moves = new HashMap<>();
        plan.moves().forEach(m -> moves.put(m.name(), m));
        int replicaMoves = 0;
        int leaderChanges = 0;
        long bytes = 0;
        for (PartitionAssignment target : plan.target()) {
            PartitionAssignment was = before.get(target.name());
            PartitionMove move = moves.get(target.name());
            if (target.replicas().equals(was.replicas())) {
                if (move != null) {
                    problems.add("unchanged " + target.name() + " is listed as a move");
                }
                continue;
            }
            if (move == null) {
                problems.add("changed " + target.name() + " is not listed");
                continue;
            }
            List<Integer> added =
                    target.replicas().stream().filter(b -> !was.replicas().contains(b)).toList();
            List<Integer> removed =
                    was.replicas().stream().filter(b -> !target.replicas().contains(b)).toList();
            OptionalLong copy =
                    was.sizeBytes().isPresent()
                            ? OptionalLong.of(was.sizeBytes().getAsLong() * added.size())
                            : OptionalLong.empty();
            if (!move.before().equals(was.replicas())
                    || !move.after().equals(target.replicas())
                    || !move.added().equals(added)
                    || !move.removed().equals(removed)
                    || !move.bytesToCopy().equals(copy)) {
                problems.add("move of " + target.name() + " is wrong: " + move);
            }
            replicaMoves += added.size();
            if (!was.replicas().get(0).equals(target.replicas().get(0))) {
                leaderChanges++;
            }
            bytes += copy.orElse(0);
        }
        PlanTotals totals = plan.totals();
        if (totals.replicaMoves() != replicaMoves
                || totals.leaderChanges() != leaderChanges
                || totals.bytesToCopy() != bytes
                || plan.moves().size() != totals.partitionsMoved() + totals.partitionsReordered()) {
            problems.add("totals are wrong: " + totals);
        }
        return problems;
    }
}
