package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The planner on the cases issue 7 names, each worked out by hand. */
class RebalancePlannerTest {

    @Test
    void scalingThreeBrokersToFourFillsTheNewOneToWithinOneOfTheMean() {
        List<PartitionAssignment> orders = roundRobin("orders", 12, 3, 3);
        RebalanceRequest request = new RebalanceRequest(orders, brokers(4), Set.of(), Set.of(3));

        RebalancePlan.Planned plan = planned(request);

        // 36 replicas, a mean of 9: the new broker needs 8, the others may keep 10
        assertThat(plan.totals().replicaMoves()).isEqualTo(8);
        assertThat(plan.totals().partitionsMoved()).isEqualTo(8);
        assertThat(replicaCounts(plan).get(3)).isEqualTo(8);
        assertThat(replicaCounts(plan).values()).allMatch(c -> c >= 8 && c <= 10);
        assertThat(leaderCounts(plan).values()).allMatch(c -> c >= 2 && c <= 4);
        for (PartitionMove move : plan.moves()) {
            if (!move.reorderOnly()) {
                assertThat(move.added()).containsExactly(3);
                assertThat(move.removed()).hasSize(1);
                assertThat(move.bytesToCopy()).isEmpty();
            }
        }
        assertThat(plan.totals().movesOfUnknownSize()).isEqualTo(8);
        BrokerLoad added = plan.brokers().get(3);
        assertThat(added.added()).isTrue();
        assertThat(added.replicasBefore()).isZero();
        assertThat(added.replicasAfter()).isEqualTo(8);
        assertMeetsGoals(request, plan);
    }

    @Test
    void drainingBroker3Of4MovesExactlyItsReplicas() {
        List<PartitionAssignment> orders = roundRobin("orders", 12, 3, 4);
        RebalanceRequest request = new RebalanceRequest(orders, brokers(4), Set.of(3), Set.of());

        RebalancePlan.Planned plan = planned(request);

        assertThat(plan.totals().replicaMoves()).isEqualTo(9);
        assertThat(replicaCounts(plan)).containsExactly(entry(0, 12), entry(1, 12), entry(2, 12));
        assertThat(leaderCounts(plan).values()).allMatch(c -> c >= 3 && c <= 5);
        assertThat(plan.brokers().get(3).replicasAfter()).isZero();
        assertThat(plan.brokers().get(3).draining()).isTrue();
        for (PartitionMove move : plan.moves()) {
            if (!move.reorderOnly()) {
                assertThat(move.removed()).containsExactly(3);
            }
        }
        assertMeetsGoals(request, plan);
    }

    @Test
    void replacingABrokerPutsTheNewOneInTheDrainedOnesPlace() {
        List<PartitionAssignment> orders = roundRobin("orders", 6, 3, 3);
        RebalanceRequest request = new RebalanceRequest(orders, brokers(4), Set.of(2), Set.of(3));

        RebalancePlan.Planned plan = planned(request);

        assertThat(plan.totals().replicaMoves()).isEqualTo(6);
        assertThat(plan.totals().leaderChanges()).isEqualTo(2);
        for (int p = 0; p < 6; p++) {
            List<Integer> before = orders.get(p).replicas();
            List<Integer> expected = before.stream().map(b -> b == 2 ? 3 : b).toList();
            assertThat(plan.target().get(p).replicas()).isEqualTo(expected);
        }
    }

    @Test
    void threeRacksWithFactorThreeGetOneReplicaPerRack() {
        List<Broker> brokers =
                List.of(
                        Broker.inRack(0, "a"),
                        Broker.inRack(1, "a"),
                        Broker.inRack(2, "b"),
                        Broker.inRack(3, "b"),
                        Broker.inRack(4, "c"),
                        Broker.inRack(5, "c"));
        List<PartitionAssignment> crowded =
                List.of(
                        partition("orders", 0, 0, 1, 2),
                        partition("orders", 1, 1, 0, 3),
                        partition("orders", 2, 2, 3, 4),
                        partition("orders", 3, 3, 2, 5),
                        partition("orders", 4, 4, 5, 0),
                        partition("orders", 5, 5, 4, 1));
        RebalanceRequest request = RebalanceRequest.of(crowded, brokers);

        RebalancePlan.Planned plan = planned(request);

        assertThat(plan.totals().replicaMoves()).isEqualTo(6);
        for (PartitionAssignment p : plan.target()) {
            assertThat(p.replicas().stream().map(b -> brokers.get(b).rack().get()))
                    .as(p.name())
                    .containsExactlyInAnyOrder("a", "b", "c");
        }
        assertThat(replicaCounts(plan).values()).containsOnly(3);
        assertMeetsGoals(request, plan);
    }

    @Test
    void withFewerRacksThanReplicasEachRackGetsAShare() {
        List<Broker> brokers =
                List.of(
                        Broker.inRack(0, "a"),
                        Broker.inRack(1, "a"),
                        Broker.inRack(2, "a"),
                        Broker.inRack(3, "b"),
                        Broker.inRack(4, "b"),
                        Broker.inRack(5, "b"));
        List<PartitionAssignment> allInA = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            allInA.add(partition("orders", p, p % 3, (p + 1) % 3, (p + 2) % 3));
        }
        RebalanceRequest request = RebalanceRequest.of(allInA, brokers);

        RebalancePlan.Planned plan = planned(request);

        // each partition moves one replica to b: a's brokers keep 4, b's get 2, within ±1 of 3
        assertThat(plan.totals().replicaMoves()).isEqualTo(6);
        for (PartitionAssignment p : plan.target()) {
            long inA = p.replicas().stream().filter(b -> b < 3).count();
            assertThat(inA).as(p.name()).isBetween(1L, 2L);
        }
        assertThat(replicaCounts(plan))
                .containsExactly(
                        entry(0, 4),
                        entry(1, 4),
                        entry(2, 4),
                        entry(3, 2),
                        entry(4, 2),
                        entry(5, 2));
        assertMeetsGoals(request, plan);
    }

    @Test
    void unevenRacksBalanceWithinTheRackRule() {
        // a rack of one broker holds a replica of every partition: it cannot come down to the mean
        List<Broker> brokers =
                List.of(
                        Broker.inRack(0, "a"),
                        Broker.inRack(1, "a"),
                        Broker.inRack(2, "b"),
                        Broker.inRack(3, "c"));
        List<PartitionAssignment> partitions =
                IntStream.range(0, 8).mapToObj(p -> partition("orders", p, 0, 2, 3)).toList();
        RebalanceRequest request = RebalanceRequest.of(partitions, brokers);

        RebalancePlan.Planned plan = planned(request);

        // brokers 2 and 3 keep all 8; rack a's two brokers share 8, within ±1 of 4 each
        assertThat(plan.totals().replicaMoves()).isEqualTo(3);
        assertThat(replicaCounts(plan))
                .containsExactly(entry(0, 5), entry(1, 3), entry(2, 8), entry(3, 8));
        assertThat(leaderCounts(plan).values()).allMatch(c -> c >= 1 && c <= 3);
        assertMeetsGoals(request, plan);
    }

    @Test
    void aBalancedClusterNeedsNothing() {
        RebalanceRequest request = RebalanceRequest.of(roundRobin("orders", 30, 3, 5), brokers(5));

        RebalancePlan.Planned plan = planned(request);

        assertThat(plan.nothingToDo()).isTrue();
        assertThat(plan.totals()).isEqualTo(new PlanTotals(0, 0, 0, 0, 0, 0));
        assertThat(plan.target()).isEqualTo(request.partitions());
    }

    @Test
    void drainingBelowTheReplicationFactorIsRefusedNamingTheTopics() {
        List<PartitionAssignment> partitions = new ArrayList<>(roundRobin("orders", 3, 3, 3));
        partitions.addAll(roundRobin("payments", 3, 3, 3));
        partitions.addAll(roundRobin("audit", 3, 2, 3));
        RebalanceRequest request =
                new RebalanceRequest(partitions, brokers(3), Set.of(2), Set.of());

        RebalancePlan plan = RebalancePlanner.plan(request);

        assertThat(plan).isInstanceOf(RebalancePlan.Refused.class);
        RebalancePlan.Refused refused = (RebalancePlan.Refused) plan;
        assertThat(refused.topics()).containsExactly("orders", "payments");
        assertThat(refused.problem().reason()).isEqualTo("NotEnoughBrokersForReplicationFactor");
        assertThat(refused.problem().message())
                .isEqualTo(
                        "topic(s) orders, payments have a replication factor up to 3, above the 2"
                                + " broker(s) that remain after draining broker(s) 2: nothing is"
                                + " moved");
    }

    @Test
    void racksOnSomeBrokersOnlyAreRefused() {
        List<Broker> brokers =
                List.of(Broker.inRack(0, "a"), Broker.withoutRack(1), Broker.inRack(2, "b"));
        RebalanceRequest request = RebalanceRequest.of(roundRobin("orders", 3, 2, 3), brokers);

        RebalancePlan plan = RebalancePlanner.plan(request);

        assertThat(plan)
                .isEqualTo(
                        new RebalancePlan.Refused(
                                new Problem(
                                        "BrokerRacksIncomplete",
                                        "brokers 1 have no rack while brokers 0, 2 have one: set a"
                                                + " rack on every broker or on none"),
                                List.of(),
                                List.of(1)));
    }

    @Test
    void leadersAreBalancedByReorderingWithoutMovingData() {
        List<PartitionAssignment> partitions =
                IntStream.range(0, 6).mapToObj(p -> partition("orders", p, 0, 1, 2)).toList();
        RebalanceRequest request = RebalanceRequest.of(partitions, brokers(3));

        RebalancePlan.Planned plan = planned(request);

        assertThat(plan.totals().replicaMoves()).isZero();
        assertThat(plan.totals().bytesToCopy()).isZero();
        // 6 leaders over 3 brokers: broker 0 hands over 3, down to the mean + 1
        assertThat(plan.totals().partitionsReordered()).isEqualTo(3);
        assertThat(plan.totals().leaderChanges()).isEqualTo(3);
        assertThat(leaderCounts(plan).get(0)).isEqualTo(3);
        assertThat(leaderCounts(plan).values()).allMatch(c -> c >= 1 && c <= 3);
        for (PartitionMove move : plan.moves()) {
            assertThat(move.reorderOnly()).isTrue();
            assertThat(move.added()).isEmpty();
            assertThat(move.removed()).isEmpty();
            assertThat(move.after()).containsExactlyInAnyOrder(0, 1, 2);
            // the new leader goes first, the others keep their order
            List<Integer> followers = new ArrayList<>(move.before());
            followers.remove(move.after().get(0));
            assertThat(move.after().subList(1, 3)).isEqualTo(followers);
        }
    }

    @Test
    void theSmallestPartitionsMoveAndTheirBytesAreCounted() {
        List<PartitionAssignment> partitions = new ArrayList<>();
        List<Long> sizes = List.of(70L, 10L, 120L, 30L, 110L, 50L, 90L, 20L, 100L, 60L, 80L, 40L);
        for (int p = 0; p < 12; p++) {
            partitions.add(
                    new PartitionAssignment(
                            "orders", p, List.of(0, 1, 2), OptionalLong.of(sizes.get(p))));
        }
        RebalanceRequest request =
                new RebalanceRequest(partitions, brokers(4), Set.of(), Set.of(3));

        RebalancePlan.Planned plan = planned(request);

        // 8 replicas reach broker 3, each of another partition: the 8 smallest, 10 to 80 bytes
        assertThat(plan.totals().replicaMoves()).isEqualTo(8);
        assertThat(plan.totals().bytesToCopy()).isEqualTo(360L);
        assertThat(plan.totals().movesOfUnknownSize()).isZero();
        List<Long> moved =
                plan.moves().stream()
                        .filter(m -> !m.reorderOnly())
                        .map(m -> m.bytesToCopy().getAsLong())
                        .sorted()
                        .toList();
        assertThat(moved).containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L);
    }

    @Test
    void partitionsOfUnknownSizeMoveLast() {
        List<PartitionAssignment> partitions = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            partitions.add(
                    new PartitionAssignment(
                            "known", p, List.of(0, 1), OptionalLong.of(1_000_000_000L)));
        }
        for (int p = 0; p < 4; p++) {
            partitions.add(new PartitionAssignment("unknown", p, List.of(0, 1)));
        }
        RebalanceRequest request =
                new RebalanceRequest(partitions, brokers(3), Set.of(), Set.of(2));

        RebalancePlan.Planned plan = planned(request);

        // 24 replicas over 3 brokers: broker 2 needs 7, one from each of 7 known partitions
        assertThat(plan.totals().replicaMoves()).isEqualTo(7);
        assertThat(plan.moves())
                .filteredOn(m -> !m.reorderOnly())
                .extracting(PartitionMove::topic)
                .containsOnly("known");
        assertThat(plan.totals().bytesToCopy())
                .isEqualTo(plan.totals().replicaMoves() * 1_000_000_000L);
    }

    @Test
    void theSameRequestInAnyOrderGivesTheSamePlan() {
        Random random = new Random(7);
        List<PartitionAssignment> partitions =
                SyntheticClusters.assign(
                        brokers(5),
                        IntStream.range(0, 200).map(p -> 1 + p % 3).toArray(),
                        SyntheticClusters.Layout.SKEWED,
                        random,
                        true);
        RebalanceRequest request =
                new RebalanceRequest(partitions, brokers(7), Set.of(1), Set.of(5, 6));
        RebalancePlan plan = RebalancePlanner.plan(request);
        for (int i = 0; i < 5; i++) {
            List<PartitionAssignment> shuffled = new ArrayList<>(partitions);
            List<Broker> brokers = new ArrayList<>(brokers(7));
            Collections.shuffle(shuffled, random);
            Collections.shuffle(brokers, random);
            assertThat(
                            RebalancePlanner.plan(
                                    new RebalanceRequest(
                                            shuffled, brokers, Set.of(1), Set.of(5, 6))))
                    .isEqualTo(plan);
        }
    }

    @Test
    void aClusterWithNoPartitionsOrNoBrokersLeftNeedsNothing() {
        assertThat(planned(RebalanceRequest.of(List.of(), brokers(3))).nothingToDo()).isTrue();
        assertThat(
                        planned(new RebalanceRequest(List.of(), brokers(2), Set.of(0, 1), Set.of()))
                                .nothingToDo())
                .isTrue();
    }

    private static void assertMeetsGoals(RebalanceRequest request, RebalancePlan.Planned plan) {
        PlanCheck check = new PlanCheck(request);
        assertThat(check.violations(plan)).isEmpty();
        assertThat((long) plan.totals().replicaMoves())
                .isEqualTo(OptimalMoves.of(request, check).getAsLong());
    }

    private static RebalancePlan.Planned planned(RebalanceRequest request) {
        RebalancePlan plan = RebalancePlanner.plan(request);
        assertThat(plan).isInstanceOf(RebalancePlan.Planned.class);
        return (RebalancePlan.Planned) plan;
    }

    static List<Broker> brokers(int count) {
        return IntStream.range(0, count).mapToObj(Broker::withoutRack).toList();
    }

    /** Partition p on brokers p, p + 1, ... (modulo the broker count), as Kafka lays them out. */
    static List<PartitionAssignment> roundRobin(
            String topic, int partitions, int factor, int brokers) {
        List<PartitionAssignment> result = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = new ArrayList<>();
            for (int r = 0; r < factor; r++) {
                replicas.add((p + r) % brokers);
            }
            result.add(new PartitionAssignment(topic, p, replicas));
        }
        return result;
    }

    private static PartitionAssignment partition(String topic, int partition, Integer... replicas) {
        return new PartitionAssignment(topic, partition, List.of(replicas));
    }

    private static Map<Integer, Integer> replicaCounts(RebalancePlan.Planned plan) {
        Map<Integer, Integer> counts = new TreeMap<>();
        plan.target().forEach(p -> p.replicas().forEach(b -> counts.merge(b, 1, Integer::sum)));
        return counts;
    }

    private static Map<Integer, Integer> leaderCounts(RebalancePlan.Planned plan) {
        Map<Integer, Integer> counts = new TreeMap<>();
        plan.target().forEach(p -> counts.merge(p.replicas().get(0), 1, Integer::sum));
        return counts;
    }

    private static Map.Entry<Integer, Integer> entry(int broker, int count) {
        return Map.entry(broker, count);
    }
}
