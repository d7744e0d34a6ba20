package io.tributary.operator.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.status.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The topic diff: spec against the described topic, to actions or refusals. */
class TopicDiffTest {
    private static final Map<Integer, Optional<String>> THREE_BROKERS =
            Map.of(0, Optional.of("a"), 1, Optional.of("b"), 2, Optional.of("c"));

    @Test
    void aMissingTopicIsCreatedAsSpecified() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(6), Optional.of(3), Map.of("retention.ms", "1000")),
                        Optional.empty(),
                        THREE_BROKERS);

        assertThat(plan.actions())
                .containsExactly(
                        new TopicAction.Create(
                                "orders",
                                Optional.of(6),
                                Optional.of(3),
                                Map.of("retention.ms", "1000")));
        assertThat(plan.refusals()).isEmpty();
    }

    @Test
    void aMissingTopicWithoutCountsTakesTheClusterDefaults() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.empty(), Optional.empty(), Map.of()),
                        Optional.empty(),
                        THREE_BROKERS);

        assertThat(plan.actions())
                .containsExactly(
                        new TopicAction.Create(
                                "orders", Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void aTopicAsSpecifiedNeedsNothingAndHasNoDrift() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(3), Optional.of(3), Map.of("retention.ms", "1000")),
                        Optional.of(observed(3, 3, Map.of("retention.ms", "1000"))),
                        THREE_BROKERS);

        assertThat(plan.inSync()).isTrue();
        assertThat(plan.drift()).isEmpty();
    }

    @Test
    void absentCountsLeaveTheTopicAsItIs() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.empty(), Optional.empty(), Map.of()),
                        Optional.of(observed(12, 2, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.inSync()).isTrue();
    }

    @Test
    void morePartitionsAreAddedWithBalancedReplicas() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(5), Optional.empty(), Map.of()),
                        Optional.of(observed(3, 3, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.actions())
                .singleElement()
                .isInstanceOfSatisfying(
                        TopicAction.IncreasePartitions.class,
                        a -> {
                            assertThat(a.from()).isEqualTo(3);
                            assertThat(a.total()).isEqualTo(5);
                            assertThat(a.assignments()).containsOnlyKeys(3, 4);
                            assertThat(a.assignments().values())
                                    .allSatisfy(
                                            r -> assertThat(r).hasSize(3).doesNotHaveDuplicates());
                            assertThat(a.assignments().get(3).get(0))
                                    .isNotEqualTo(a.assignments().get(4).get(0));
                        });
        assertThat(plan.drift()).containsExactly("partitions: 3 in Kafka");
    }

    @Test
    void fewerPartitionsAreRefusedAndNothingElseHappens() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(2), Optional.empty(), Map.of("retention.ms", "5")),
                        Optional.of(observed(3, 3, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.refusals())
                .extracting(Problem::reason)
                .containsExactly("PartitionDecrease");
        assertThat(plan.refusals().get(0).message()).startsWith("spec.partitions:");
    }

    @Test
    void aReplicationFactorAboveTheBrokerCountIsRefused() {
        TopicPlan create =
                TopicDiff.plan(
                        desired(Optional.of(1), Optional.of(4), Map.of()),
                        Optional.empty(),
                        THREE_BROKERS);
        TopicPlan update =
                TopicDiff.plan(
                        desired(Optional.of(3), Optional.of(4), Map.of()),
                        Optional.of(observed(3, 3, Map.of())),
                        THREE_BROKERS);

        assertThat(create.actions()).isEmpty();
        assertThat(update.actions()).isEmpty();
        assertThat(create.refusals().get(0).message())
                .isEqualTo("spec.replicationFactor: 4 replicas need 4 brokers; the cluster has 3");
        assertThat(update.refusals())
                .extracting(Problem::reason)
                .containsExactly("ReplicationFactorAboveBrokers");
    }

    @Test
    void anUnseenTopicIsCreatedWithoutBeingDescribed() {
        DesiredTopic desired = desired(Optional.of(6), Optional.of(3), Map.of("retention.ms", "1"));

        assertThat(TopicDiff.creation(desired, THREE_BROKERS))
                .contains(TopicDiff.plan(desired, Optional.empty(), THREE_BROKERS));
        assertThat(TopicDiff.creation(desired, THREE_BROKERS).orElseThrow().actions())
                .containsExactly(
                        new TopicAction.Create(
                                "orders",
                                Optional.of(6),
                                Optional.of(3),
                                Map.of("retention.ms", "1")));
    }

    @Test
    void anUnseenTopicWhosePlanWouldBeRefusedIsDescribedFirst() {
        assertThat(
                        TopicDiff.creation(
                                desired(Optional.of(3), Optional.of(4), Map.of()), THREE_BROKERS))
                .isEmpty();
    }

    @Test
    void bothRefusalsAreReportedTogether() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(1), Optional.of(5), Map.of()),
                        Optional.of(observed(3, 3, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.refusals())
                .extracting(Problem::reason)
                .containsExactly("ReplicationFactorAboveBrokers", "PartitionDecrease");
    }

    @Test
    void changedAndRemovedConfigsAreSetAndDeleted() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(
                                Optional.empty(),
                                Optional.empty(),
                                Map.of("retention.ms", "2000", "cleanup.policy", "compact")),
                        Optional.of(
                                observed(
                                        3,
                                        3,
                                        Map.of(
                                                "retention.ms", "1000",
                                                "cleanup.policy", "compact",
                                                "segment.bytes", "1048576"))),
                        THREE_BROKERS);

        assertThat(plan.actions())
                .containsExactly(
                        new TopicAction.AlterConfig(
                                "orders", Map.of("retention.ms", "2000"), Set.of("segment.bytes")));
        assertThat(plan.drift())
                .containsExactly(
                        "config retention.ms: 1000 in Kafka",
                        "config segment.bytes: 1048576 in Kafka, not in the spec");
    }

    @Test
    void aHigherReplicationFactorAddsReplicasKeepingTheLeaders() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.empty(), Optional.of(3), Map.of()),
                        Optional.of(observed(3, 1, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.actions())
                .singleElement()
                .isInstanceOfSatisfying(
                        TopicAction.Reassign.class,
                        r -> {
                            assertThat(r.from()).isEqualTo(1);
                            assertThat(r.to()).isEqualTo(3);
                            assertThat(r.assignments())
                                    .containsEntry(0, List.of(0, 1, 2))
                                    .containsEntry(1, List.of(1, 0, 2))
                                    .containsEntry(2, List.of(2, 0, 1));
                        });
    }

    @Test
    void newPartitionsDuringAFactorChangeGetTheNewFactor() {
        TopicPlan plan =
                TopicDiff.plan(
                        desired(Optional.of(4), Optional.of(3), Map.of()),
                        Optional.of(observed(3, 1, Map.of())),
                        THREE_BROKERS);

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(1))
                .isInstanceOfSatisfying(
                        TopicAction.IncreasePartitions.class,
                        a -> assertThat(a.assignments().get(3)).hasSize(3));
    }

    private static DesiredTopic desired(
            Optional<Integer> partitions, Optional<Integer> rf, Map<String, String> config) {
        return new DesiredTopic("orders", partitions, rf, config);
    }

    /** Partition p led by broker p mod 3, followers after it in order. */
    private static ObservedTopic observed(int partitions, int rf, Map<String, String> config) {
        List<List<Integer>> replicas =
                java.util.stream.IntStream.range(0, partitions)
                        .mapToObj(
                                p ->
                                        java.util.stream.IntStream.range(0, rf)
                                                .mapToObj(i -> (p + i) % 3)
                                                .toList())
                        .toList();
        return new ObservedTopic("orders", "id", replicas, config);
    }
}
