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
 * add one broker and to drain one, next to the simple lower bound and the fewest moves possible,
 * and the planning time (median of several runs after a warm-up). Run with {@code
 * operator/benchmark-planner [runs]}.
 */
public final class RebalancePlannerBenchmark {
    private static final int[] BROKERS = {3, 6, 12, 25, 50};
    private static final int[] PARTITIONS = {100, 1_000, 10_000};
    private static final int[] RACKS = {0, 3};

    private RebalancePlannerBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean optimum = args.length <= 1 || !args[1].equals("--no-optimum");
        System.out.printf(
                "%-7s %-5s %-10s %-9s %7s %7s %7s %6s %7s %9s%n",
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
        for (int racks : RACKS) {
            for (int brokers : BROKERS) {
                for (int partitions : PARTITIONS) {
                    for (String change : List.of("add 1", "drain 1")) {
                        row(brokers, racks, partitions, change, runs, optimum);
                    }
                }
            }
        }
    }

    private static void row(
            int count, int racks, int partitions, String change, int runs, boolean optimum) {
        boolean add = change.startsWith("add");
        List<Broker> brokers = SyntheticClusters.brokers(count + (add ? 1 : 0), racks, 0, 1);
        List<Broker> existing = brokers.subList(0, count);
        int[] factors = new int[partitions];
        Arrays.fill(factors, 3);
        List<PartitionAssignment> assignment =
                SyntheticClusters.assign(
                        existing, factors, Layout.BALANCED, new Random(partitions), true);
        RebalanceRequest request =
                new RebalanceRequest(
                        assignment,
                        brokers,
                        add ? Set.of() : Set.of(count - 1),
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
                    "%-7d %-5s %-10d %-9s refused: %s%n",
                    count, rackLabel, partitions, change, refused.problem().reason());
            return;
        }
        RebalancePlan.Planned planned = (RebalancePlan.Planned) plan;
        PlanCheck check = new PlanCheck(request);
        List<String> violations = check.violations(planned);
        long bound = check.lowerBound();
        OptionalLong fewest = optimum ? OptimalMoves.of(request, check) : OptionalLong.empty();
        int moves = planned.totals().replicaMoves();
        long best = Math.max(bound, fewest.orElse(0));
        System.out.printf(
                "%-7d %-5s %-10d %-9s %7d %7d %7s %6s %7d %9.1f%s%n",
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
