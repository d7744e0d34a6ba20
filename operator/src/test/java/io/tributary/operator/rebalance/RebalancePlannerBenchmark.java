package io.tributary.operator.rebalance;

import io.tributary.operator.rebalance.SyntheticClusters.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Prints, for clusters of 3 to 50 brokers and 100 to 10,000 partitions (replication factor 3,
 * without racks and in three racks, balanced as Kafka creates topics), the replica moves planned to
 * add one broker and to drain one, next to the simple lower bound and the fewest moves possible
 * (the min-cost flow of {@link OptimalMoves}), the preferred-leader changes and the planning time
 * (median of several runs after a warm-up); then the same for 50 brokers and 10,000 partitions laid
 * out at random, skewed towards a few brokers, or crowding racks. Run with {@code
 * operator/benchmark-planner [runs]}.
 */
public final class RebalancePlannerBenchmark {
    private static final int[] BROKERS = {3, 6, 12, 25, 50};
    private static final int[] PARTITIONS = {100, 1_000, 10_000};
    private static final int[] RACKS = {0, 3};

    private RebalancePlannerBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        header("Balanced clusters, one broker added or drained");
        for (int racks : RACKS) {
            for (int brokers : BROKERS) {
                for (int partitions : PARTITIONS) {
                    for (String change : List.of("add 1", "drain 1")) {
                        row(brokers, racks, partitions, Layout.BALANCED, change, runs);
                    }
                }
            }
        }
        System.out.println();
        header("Unbalanced clusters of 50 brokers and 10,000 partitions, rebalanced");
        for (Layout layout : List.of(Layout.RANDOM, Layout.SKEWED, Layout.CROWDED_RACKS)) {
            for (int racks : RACKS) {
                row(50, racks, 10_000, layout, layout.name().toLowerCase(), runs);
            }
        }
    }

    private static void header(String title) {
        System.out.println(title);
        System.out.printf(
                "%-7s %-5s %-10s %-13s %7s %7s %7s %6s %7s %9s%n",
                "brokers",
                "racks",
                "partitions",
                "change",
                "moves",
                "bound",
                "fewest",
                "ratio",
                "leaders",
                "time (ms)");
    }

    private static void row(
            int count, int racks, int partitions, Layout layout, String change, int runs) {
        boolean add = change.startsWith("add");
        boolean drain = change.startsWith("drain");
        List<Broker> brokers = SyntheticClusters.brokers(count + (add ? 1 : 0), racks, 0, 1);
        int[] factors = new int[partitions];
        Arrays.fill(factors, 3);
        List<PartitionAssignment> assignment =
                SyntheticClusters.assign(
                        brokers.subList(0, count), factors, layout, new Random(partitions), true);
        RebalanceRequest request =
                new RebalanceRequest(
                        assignment,
                        brokers,
                        drain ? Set.of(count - 1) : Set.of(),
                        add ? Set.of(count) : Set.of());
        for (int i = 0; i < 3; i++) {
            RebalancePlanner.plan(request);
        }
        long[] nanos = new long[runs];
        RebalancePlan plan = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plan = RebalancePlanner.plan(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String rackLabel = racks == 0 ? "none" : String.valueOf(racks);
        if (plan instanceof RebalancePlan.Refused refused) {
            System.out.printf(
                    "%-7d %-5s %-10d %-13s refused: %s%n",
                    count, rackLabel, partitions, change, refused.problem().reason());
            return;
        }
        RebalancePlan.Planned planned = (RebalancePlan.Planned) plan;
        PlanCheck check = new PlanCheck(request);
        List<String> violations = check.violations(planned);
        long bound = check.lowerBound();
        OptionalLong fewest = OptimalMoves.of(request, check);
        int moves = planned.totals().replicaMoves();
        long best = Math.max(bound, fewest.orElse(0));
        System.out.printf(
                "%-7d %-5s %-10d %-13s %7d %7d %7s %6s %7d %9.1f%s%n",
                count,
                rackLabel,
                partitions,
                change,
                moves,
                bound,
                fewest.isPresent() ? String.valueOf(fewest.getAsLong()) : "-",
                best == 0 ? "-" : "%.3f".formatted((double) moves / best),
                planned.totals().leaderChanges(),
                nanos[runs / 2] / 1e6,
                violations.isEmpty() ? "" : "  GOALS MISSED: " + new ArrayList<>(violations));
    }
}
