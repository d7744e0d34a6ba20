package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rebalance after a reconcile: {@code status.rebalance}, the brokers the partitions are spread
 * over, and a refusal to report (a scale-down that would leave a topic with fewer brokers than
 * replicas, say).
 */
record RebalanceOutcome(
        RebalanceStatus rebalance, List<Integer> balancedBrokers, Optional<Problem> refusal) {
    /** The Ready condition's reason while brokers added or removed are being balanced. */
    static final String CONDITION_REASON = "Rebalancing";

    static RebalanceOutcome unchanged(KafkaClusterStatus status) {
        return new RebalanceOutcome(
                status == null ? null : status.getRebalance(),
                status == null ? null : status.getBalancedBrokers(),
                Optional.empty());
    }

    RebalanceOutcome withRebalance(RebalanceStatus next) {
        return new RebalanceOutcome(next, balancedBrokers, refusal);
    }

    RebalanceOutcome withBalancedBrokers(List<Integer> brokers) {
        return new RebalanceOutcome(rebalance, List.copyOf(brokers), refusal);
    }

    RebalanceOutcome refused(Problem problem) {
        return new RebalanceOutcome(rebalance, balancedBrokers, Optional.of(problem));
    }

    /** Whether partitions are moving or drained brokers being removed. */
    boolean active() {
        return rebalance != null && !RebalanceStatus.PROPOSED.equals(rebalance.getState());
    }

    /**
     * Writes {@code status.rebalance}, {@code status.balancedBrokers} and the {@code Rebalancing}
     * condition; a refusal makes the cluster Stalled, naming it.
     */
    void writeTo(KafkaClusterStatus status, long generation, Instant now) {
        status.setRebalance(rebalance);
        status.setBalancedBrokers(balancedBrokers);
        if (active()) {
            status.setCondition(
                    new Condition(
                            RebalanceExecutor.CONDITION,
                            ConditionStatus.TRUE,
                            rebalance.getTrigger(),
                            RebalanceStatusUpdate.summary(rebalance),
                            generation),
                    now);
            boolean scaling = !RebalanceStatus.MANUAL.equals(rebalance.getTrigger());
            if (scaling && StatusConditions.isReadyFor(status, generation)) {
                // Brokers added or removed are part of the spec: it has converged once the
                // partitions are spread over them (or drained off them).
                StatusConditions.progressing(
                        status,
                        generation,
                        CONDITION_REASON,
                        RebalanceStatusUpdate.summary(rebalance),
                        now);
            }
        } else {
            status.removeCondition(RebalanceExecutor.CONDITION);
        }
        refusal.ifPresent(p -> StatusConditions.stalled(status, generation, p, now));
    }
}
