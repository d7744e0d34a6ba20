package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.rebalance.PlanTarget;
import io.tributary.operator.rebalance.RebalanceProgress;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceOutcomeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aScaleUpUnderWayKeepsTheGenerationFromReady() {
        KafkaClusterStatus status = readyStatus();

        outcome(rebalance(RebalanceStatus.SCALE_UP)).writeTo(status, 2, NOW);

        assertThat(status.findCondition(RebalanceExecutor.CONDITION).orElseThrow())
                .extracting(Condition::getStatus, Condition::getReason)
                .containsExactly(ConditionStatus.TRUE, RebalanceStatus.SCALE_UP);
        assertThat(status.findCondition(Condition.READY).orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.FALSE);
        assertThat(status.findCondition(Condition.READY).orElseThrow().getReason())
                .isEqualTo("Rebalancing");
        assertThat(status.findCondition(Condition.READY).orElseThrow().getMessage())
                .contains("spreading partitions onto brokers [3]", "1 of 4 partitions done");
    }

    @Test
    void aManualRebalanceLeavesReadyAlone() {
        KafkaClusterStatus status = readyStatus();

        outcome(rebalance(RebalanceStatus.MANUAL)).writeTo(status, 2, NOW);

        assertThat(status.findCondition(RebalanceExecutor.CONDITION)).isPresent();
        assertThat(StatusConditions.isReadyFor(status, 2)).isTrue();
    }

    @Test
    void aProposalIsNotUnderWayAndTheConditionGoesWhenDone() {
        KafkaClusterStatus status = readyStatus();
        RebalanceStatus proposed = rebalance(RebalanceStatus.MANUAL);
        proposed.setState(RebalanceStatus.PROPOSED);

        outcome(proposed).writeTo(status, 2, NOW);
        assertThat(status.findCondition(RebalanceExecutor.CONDITION)).isEmpty();
        assertThat(status.getRebalance().getState()).isEqualTo(RebalanceStatus.PROPOSED);

        outcome(rebalance(RebalanceStatus.MANUAL)).writeTo(status, 2, NOW);
        new RebalanceOutcome(null, List.of(0, 1, 2, 3), Optional.empty()).writeTo(status, 2, NOW);
        assertThat(status.findCondition(RebalanceExecutor.CONDITION)).isEmpty();
        assertThat(status.getBalancedBrokers()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aRefusalStallsTheGeneration() {
        KafkaClusterStatus status = readyStatus();

        RebalanceOutcome.unchanged(status)
                .refused(new Problem("NotEnoughBrokersForReplicationFactor", "topic(s) wide ..."))
                .writeTo(status, 3, NOW);

        assertThat(status.findCondition(Condition.STALLED).orElseThrow())
                .extracting(
                        Condition::getStatus,
                        Condition::getReason,
                        Condition::getObservedGeneration)
                .containsExactly(ConditionStatus.TRUE, "NotEnoughBrokersForReplicationFactor", 3L);
    }

    @Test
    void progressCountsWhatIsDoneAndNamesWhatMoves() {
        RebalanceStatus started = rebalance(RebalanceStatus.SCALE_DOWN);
        RebalanceProgress progress =
                RebalanceProgress.of(
                        List.of(
                                new PlanTarget("a", 0, List.of(0, 1), 1, 10),
                                new PlanTarget("a", 1, List.of(1, 2), 2, -1),
                                new PlanTarget("b", 0, List.of(2, 0), 1, 5)),
                        Map.of("a-0", List.of(0, 1), "a-1", List.of(1, 3), "b-0", List.of(3, 0)),
                        Set.of(),
                        1);

        RebalanceStatus next = RebalanceStatusUpdate.progressed(started, progress);

        assertThat(next.getPartitionsDone()).isEqualTo(1);
        assertThat(next.getReplicaMovesDone()).isEqualTo(1);
        assertThat(next.getBytesDone()).isEqualTo(10);
        assertThat(next.getMessage()).isEqualTo("moving 1 partitions: a-1");
        assertThat(started.getPartitionsDone()).isEqualTo(1);
    }

    private static RebalanceOutcome outcome(RebalanceStatus rebalance) {
        return new RebalanceOutcome(rebalance, List.of(0, 1, 2), Optional.empty());
    }

    private static KafkaClusterStatus readyStatus() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        StatusConditions.ready(status, 2, "the cluster runs the current spec", NOW);
        return status;
    }

    private static RebalanceStatus rebalance(String trigger) {
        RebalanceStatus rebalance = new RebalanceStatus();
        rebalance.setTrigger(trigger);
        rebalance.setState(RebalanceStatus.MOVING);
        rebalance.setBrokers(List.of(0, 1, 2, 3));
        rebalance.setAdded(List.of(3));
        rebalance.setPartitionsTotal(4);
        rebalance.setPartitionsDone(1);
        rebalance.setReplicaMovesTotal(4);
        rebalance.setReplicaMovesDone(1);
        return rebalance;
    }
}
