package io.tributary.operator.rebalance;

import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans where every partition's replicas should be, and the moves that get them there. Pure and
 * deterministic: the same request, in any order, gives the same plan, so an operator restarted half
 * way recomputes it. Goals, in order:
 *
 * <ol>
 *   <li>No partition loses a replica: each keeps its replication factor. When one cannot (its
 *       factor is above the number of brokers that stay), the plan is refused, naming the topics.
 *   <li>Brokers being drained end with no replicas.
 *   <li>No two replicas of a partition share a rack when there are enough racks, and replicas
 *       spread as evenly as the racks allow when there are not ({@link RackRule}); existing
 *       violations are fixed. Racks set on some brokers but not on others are refused.
 *   <li>Replicas per broker within ±1 of the mean, per rack where uneven racks force more or fewer
 *       onto a rack ({@link BalanceTargets}).
 *   <li>Preferred leaders per broker within ±1 of the mean, by reordering replicas.
 *   <li>The fewest replica moves that reach these goals, the smallest partitions first when the
 *       choice is free (partitions of unknown size count as the largest).
 * </ol>
 *
 * A replica move is a copy of a partition onto a broker that did not hold it; reordering replicas
 * copies nothing and is not a move, but a change of preferred leader is counted on its own. The
 * steps: {@link ForcedMoves}, {@link ReplicaBalancer}, {@link MoveReducer}, {@link LeaderBalancer}.
 */
public final class RebalancePlanner {
    private RebalancePlanner() {}

    public static RebalancePlan plan(RebalanceRequest request) {
        List<Broker> brokers =
                request.brokers().stream().sorted(Comparator.comparingInt(Broker::id)).toList();
        List<PartitionAssignment> partitions =
                request.partitions().stream()
                        .sorted(
                                Comparator.comparing(PartitionAssignment::topic)
                                        .thenComparingInt(PartitionAssignment::partition))
                        .toList();
        List<Broker> staying =
                brokers.stream().filter(b -> !request.draining().contains(b.id())).toList();
        Optional<RebalancePlan> refusal = refusal(request, partitions, staying);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Map<Integer, Integer> index = new HashMap<>();
        for (int b = 0; b < brokers.size(); b++) {
            index.put(brokers.get(b).id(), b);
        }
        TreeMap<String, Integer> racks = new TreeMap<>();
        staying.forEach(b -> racks.put(b.rack().orElse(""), 0));
        int r = 0;
        for (Map.Entry<String, Integer> rack : racks.entrySet()) {
            rack.setValue(r++);
        }
        int[] rackOf = new int[brokers.size()];
        for (int b = 0; b < brokers.size(); b++) {
            Broker broker = brokers.get(b);
            rackOf[b] =
                    request.draining().contains(broker.id())
                            ? -1
                            : racks.get(broker.rack().orElse(""));
        }
        int[][] replicas = new int[partitions.size()][];
        int[] factors = new int[partitions.size()];
        int maxFactor = 0;
        for (int p = 0; p < partitions.size(); p++) {
            replicas[p] = partitions.get(p).replicas().stream().mapToInt(index::get).toArray();
            factors[p] = replicas[p].length;
            maxFactor = Math.max(maxFactor, factors[p]);
        }
        RackRule rule = new RackRule(rackOf, racks.size(), maxFactor);
        BalanceTargets targets = BalanceTargets.compute(rule, brokers.size(), factors);
        WorkingAssignment work =
                new WorkingAssignment(replicas, smallestFirst(partitions), brokers.size());
        new ForcedMoves(work, rule, targets).run();
        new ReplicaBalancer(work, rule, targets).run();
        new MoveReducer(work, rule, targets, replicas).run();
        int[] leaders = new LeaderBalancer(work, targets).run();
        return new PlanWriter(request, brokers, partitions).write(work, leaders);
    }

    private static Optional<RebalancePlan> refusal(
            RebalanceRequest request, List<PartitionAssignment> partitions, List<Broker> staying) {
        List<Integer> withoutRack =
                staying.stream().filter(b -> b.rack().isEmpty()).map(Broker::id).toList();
        if (!withoutRack.isEmpty() && withoutRack.size() < staying.size()) {
            List<Integer> withRack =
                    staying.stream().filter(b -> b.rack().isPresent()).map(Broker::id).toList();
            return Optional.of(
                    new RebalancePlan.Refused(
                            new Problem(
                                    "BrokerRacksIncomplete",
                                    "brokers %s have no rack while brokers %s have one: set a rack on every broker or on none"
                                            .formatted(list(withoutRack), list(withRack))),
                            List.of(),
                            withoutRack));
        }
        TreeSet<String> topics = new TreeSet<>();
        int highest = 0;
        for (PartitionAssignment partition : partitions) {
            if (partition.replicationFactor() > staying.size()) {
                topics.add(partition.topic());
                highest = Math.max(highest, partition.replicationFactor());
            }
        }
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        String drained =
                request.draining().isEmpty()
                        ? ""
                        : " after draining broker(s) " + list(new TreeSet<>(request.draining()));
        List<String> named = topics.stream().limit(10).toList();
        String more = topics.size() > named.size() ? " and " + (topics.size() - 10) + " more" : "";
        return Optional.of(
                new RebalancePlan.Refused(
                        new Problem(
                                "NotEnoughBrokersForReplicationFactor",
                                ("topic(s) %s%s have a replication factor up to %d, above the %d"
                                                + " broker(s) that remain%s: nothing is moved")
                                        .formatted(
                                                String.join(", ", named),
                                                more,
                                                highest,
                                                staying.size(),
                                                drained)),
                        List.copyOf(topics),
                        List.of()));
    }

    /** Partition indices by size, smallest first, unknown sizes last, then in topic order. */
    private static int[] smallestFirst(List<PartitionAssignment> partitions) {
        Integer[] order = new Integer[partitions.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        Arrays.sort(
                order,
                Comparator.comparingLong((Integer p) -> size(partitions.get(p).sizeBytes()))
                        .thenComparingInt(p -> p));
        int[] result = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            result[i] = order[i];
        }
        return result;
    }

    private static long size(OptionalLong size) {
        return size.isPresent() ? size.getAsLong() : Long.MAX_VALUE;
    }

    private static String list(Iterable<Integer> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return names.stream().collect(Collectors.joining(", "));
    }
}
