package io.tributary.operator.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Made-up clusters for the planner's tests and benchmark: brokers in racks, and assignments that
 * are balanced the way Kafka creates topics, or random, skewed towards a few brokers, or crowding
 * racks.
 */
final class SyntheticClusters {
    private SyntheticClusters() {}

    /** How the current replicas are laid out. */
    enum Layout {
        BALANCED,
        RANDOM,
        SKEWED,
        CROWDED_RACKS
    }

    /** Brokers {@code firstId, firstId + step, ...}, in {@code racks} racks by turns (0: none). */
    static List<Broker> brokers(int count, int racks, int firstId, int step) {
        List<Broker> brokers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = firstId + i * step;
            brokers.add(
                    racks == 0 ? Broker.withoutRack(id) : Broker.inRack(id, "zone-" + (i % racks)));
        }
        return brokers;
    }

    /** Partitions named {@code t<n>-<i>}, twenty per topic. */
    static List<PartitionAssignment> assign(
            List<Broker> brokers, int[] factors, Layout layout, Random random, boolean sizes) {
        Map<Integer, Integer> replicas = new HashMap<>();
        Map<Integer, Integer> leaders = new HashMap<>();
        List<PartitionAssignment> partitions = new ArrayList<>();
        for (int p = 0; p < factors.length; p++) {
            List<Integer> chosen =
                    switch (layout) {
                        case BALANCED -> balanced(brokers, factors[p], replicas, leaders, true);
                        case CROWDED_RACKS ->
                                balanced(brokers, factors[p], replicas, leaders, false);
                        case RANDOM -> random(brokers, factors[p], random, false);
                        case SKEWED -> random(brokers, factors[p], random, true);
                    };
            chosen.forEach(b -> replicas.merge(b, 1, Integer::sum));
            leaders.merge(chosen.get(0), 1, Integer::sum);
            OptionalLong size =
                    sizes && random.nextInt(10) > 0
                            ? OptionalLong.of(1 + (long) (random.nextDouble() * 1_000_000_000L))
                            : OptionalLong.empty();
            partitions.add(new PartitionAssignment("t" + (p / 20), p % 20, chosen, size));
        }
        return partitions;
    }

    /**
     * The leader leads least, the others hold least; with {@code spreadRacks}, racks not yet used
     * come first (as Kafka does), otherwise racks already used come first.
     */
    private static List<Integer> balanced(
            List<Broker> brokers,
            int factor,
            Map<Integer, Integer> replicas,
            Map<Integer, Integer> leaders,
            boolean spreadRacks) {
        List<Integer> chosen = new ArrayList<>();
        Set<String> racks = new HashSet<>();
        while (chosen.size() < factor) {
            boolean first = chosen.isEmpty();
            Comparator<Broker> order =
                    Comparator.comparingInt(
                                    (Broker b) ->
                                            first
                                                    ? 0
                                                    : racks.contains(rack(b)) == spreadRacks
                                                            ? 1
                                                            : 0)
                            .thenComparingInt(b -> first ? leaders.getOrDefault(b.id(), 0) : 0)
                            .thenComparingInt(b -> replicas.getOrDefault(b.id(), 0))
                            .thenComparingInt(Broker::id);
            Broker next =
                    brokers.stream().filter(b -> !chosen.contains(b.id())).min(order).orElseThrow();
            chosen.add(next.id());
            racks.add(rack(next));
        }
        return chosen;
    }

    private static String rack(Broker broker) {
        return broker.rack().orElse("");
    }

    /** Distinct brokers at random; skewed towards the first brokers when asked. */
    private static List<Integer> random(
            List<Broker> brokers, int factor, Random random, boolean skewed) {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < factor) {
            double x = random.nextDouble();
            int i = (int) ((skewed ? x * x * x : x) * brokers.size());
            int id = brokers.get(i).id();
            if (!chosen.contains(id)) {
                chosen.add(id);
            }
        }
        return chosen;
    }
}
