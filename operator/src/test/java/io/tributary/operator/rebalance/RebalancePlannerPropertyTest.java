package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.rebalance.SyntheticClusters.Layout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The planner on hundreds of random clusters (fixed seed): racks or none, even or uneven, one or
 * mixed replication factors, balanced, random, skewed or rack-crowding assignments, brokers added
 * and drained. Every plan must meet every goal ({@link PlanCheck}), move at most 5% more replicas
 * than the lower bound (the larger of {@link PlanCheck#lowerBound} and the exact optimum of {@link
 * OptimalMoves}), come out the same from shuffled input, leave nothing to do when planned again
 * from its own target, and, planned again half way through, move no more than it had left.
 */
class RebalancePlannerPropertyTest {
    private static final int CLUSTERS = 600;

    /** One random cluster and what to do to it. */
    record Scenario(String description, RebalanceRequest request) {}

    @Test
    void everyPlanMeetsTheGoalsWithin5PercentOfTheLowerBound() {
        Random random = new Random(20260107L);
        List<String> failures = new ArrayList<>();
        int planned = 0;
        int refused = 0;
        long moves = 0;
        long bound = 0;
        for (int i = 0; i < CLUSTERS; i++) {
            Scenario scenario = scenario(random);
            RebalanceRequest request = scenario.request();
            RebalancePlan plan = RebalancePlanner.plan(request);
            String context = "cluster " + i + " (" + scenario.description() + "): ";
            Set<String> tooWide = topicsAboveStayingBrokers(request);
            if (!tooWide.isEmpty()) {
                if (!(plan instanceof RebalancePlan.Refused refusal)
                        || !refusal.topics().equals(List.copyOf(tooWide))) {
                    failures.add(
                            context + "expected a refusal naming " + tooWide + ", got " + plan);
                }
                refused++;
                continue;
            }
            if (!(plan instanceof RebalancePlan.Planned result)) {
                failures.add(context + "refused: " + plan);
                continue;
            }
            PlanCheck check = new PlanCheck(request);
            check.violations(result).forEach(v -> failures.add(context + v));
            long simpleBound = check.lowerBound();
            OptionalLong optimum = OptimalMoves.of(request, check);
            long lowerBound = Math.max(simpleBound, optimum.orElse(0));
            if (optimum.isEmpty() || optimum.getAsLong() < simpleBound) {
                failures.add(context + "optimum " + optimum + " below bound " + simpleBound);
            }
            if (result.totals().replicaMoves() > lowerBound * 1.05) {
                failures.add(
                        context
                                + result.totals().replicaMoves()
                                + " moves, fewest possible "
                                + lowerBound
                                + " (simple bound "
                                + simpleBound
                                + ")");
            }
            if (!RebalancePlanner.plan(shuffled(request, random)).equals(plan)) {
                failures.add(context + "shuffled input gives another plan");
            }
            RebalancePlan again =
                    RebalancePlanner.plan(
                            new RebalanceRequest(
                                    result.target(),
                                    request.brokers(),
                                    request.draining(),
                                    request.added()));
            if (!((RebalancePlan.Planned) again).moves().isEmpty()) {
                failures.add(
                        context
                                + "planning its target again moves "
                                + ((RebalancePlan.Planned) again).moves());
            }
            resumeHalfway(request, result, random, context, failures);
            planned++;
            moves += result.totals().replicaMoves();
            bound += lowerBound;
        }
        System.out.printf(
                "%d clusters planned, %d refused; %d replica moves against a lower bound of %d%n",
                planned, refused, moves, bound);
        assertThat(failures).isEmpty();
        assertThat(planned).isGreaterThan(CLUSTERS * 3 / 4);
        assertThat(refused).isPositive();
    }

    /**
     * An operator restarted after carrying out some of the partitions' changes plans again from
     * there: the new plan meets the goals and moves no more than the changes left over.
     */
    private static void resumeHalfway(
            RebalanceRequest request,
            RebalancePlan.Planned plan,
            Random random,
            String context,
            List<String> failures) {
        Map<String, PartitionMove> done = new HashMap<>();
        int left = 0;
        for (PartitionMove move : plan.moves()) {
            if (random.nextBoolean()) {
                done.put(move.name(), move);
            } else {
                left += move.replicaMoves();
            }
        }
        List<PartitionAssignment> halfway =
                request.partitions().stream()
                        .map(
                                p ->
                                        done.containsKey(p.name())
                                                ? p.withReplicas(done.get(p.name()).after())
                                                : p)
                        .toList();
        RebalanceRequest resumed =
                new RebalanceRequest(
                        halfway, request.brokers(), request.draining(), request.added());
        if (!(RebalancePlanner.plan(resumed) instanceof RebalancePlan.Planned again)) {
            failures.add(context + "refused when resumed");
            return;
        }
        new PlanCheck(resumed)
                .violations(again)
                .forEach(v -> failures.add(context + "resumed: " + v));
        if (again.totals().replicaMoves() > left) {
            failures.add(
                    context
                            + "resumed with "
                            + again.totals().replicaMoves()
                            + " moves where "
                            + left
                            + " were left");
        }
    }

    static Scenario scenario(Random random) {
        int count = 3 + random.nextInt(random.nextInt(4) == 0 ? 48 : 20);
        int racks =
                switch (random.nextInt(3)) {
                    case 0 -> 0;
                    default -> 2 + random.nextInt(3);
                };
        boolean unevenRacks = racks > 0 && random.nextBoolean();
        List<Broker> brokers = new ArrayList<>();
        int id = random.nextInt(3) * 100;
        for (int i = 0; i < count; i++) {
            id += 1 + random.nextInt(2);
            int rack = unevenRacks && i >= racks ? random.nextInt(racks) : i % Math.max(1, racks);
            brokers.add(racks == 0 ? Broker.withoutRack(id) : Broker.inRack(id, "zone-" + rack));
        }
        int added = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
        List<Broker> existing = brokers.subList(0, Math.max(1, count - added));
        boolean mixed = random.nextBoolean();
        int highest =
                Math.min(existing.size(), 1 + random.nextInt(3) + (random.nextInt(8) == 0 ? 1 : 0));
        int lowest = mixed ? (racks > 3 ? Math.max(1, highest - 1) : 1) : highest;
        int[] factors = new int[1 + random.nextInt(random.nextBoolean() ? 60 : 400)];
        for (int p = 0; p < factors.length; p++) {
            factors[p] = lowest + random.nextInt(highest - lowest + 1);
        }
        Layout layout = Layout.values()[random.nextInt(Layout.values().length)];
        List<PartitionAssignment> partitions =
                SyntheticClusters.assign(existing, factors, layout, random, random.nextBoolean());
        Set<Integer> draining = new HashSet<>();
        int drains = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < drains; i++) {
            draining.add(existing.get(random.nextInt(existing.size())).id());
        }
        Set<Integer> addedIds = new TreeSet<>();
        brokers.subList(existing.size(), count).forEach(b -> addedIds.add(b.id()));
        String description =
                "%d brokers (%d added, draining %s), %s racks%s, %d partitions of factor %d..%d, %s"
                        .formatted(
                                count,
                                addedIds.size(),
                                new TreeSet<>(draining),
                                racks,
                                unevenRacks ? " uneven" : "",
                                factors.length,
                                lowest,
                                highest,
                                layout);
        return new Scenario(
                description, new RebalanceRequest(partitions, brokers, draining, addedIds));
    }

    private static Set<String> topicsAboveStayingBrokers(RebalanceRequest request) {
        long staying =
                request.brokers().stream()
                        .filter(b -> !request.draining().contains(b.id()))
                        .count();
        Set<String> topics = new TreeSet<>();
        request.partitions().stream()
                .filter(p -> p.replicationFactor() > staying)
                .forEach(p -> topics.add(p.topic()));
        return topics;
    }

    private static RebalanceRequest shuffled(RebalanceRequest request, Random random) {
        List<PartitionAssignment> partitions = new ArrayList<>(request.partitions());
        List<Broker> brokers = new ArrayList<>(request.brokers());
        Collections.shuffle(partitions, random);
        Collections.shuffle(brokers, random);
        return new RebalanceRequest(partitions, brokers, request.draining(), request.added());
    }
}
