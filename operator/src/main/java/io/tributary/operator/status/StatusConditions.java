package io.tributary.operator.status;

import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.ResourceStatus;
import java.time.Instant;

/**
 * Writes the kstatus conditions every Tributary resource carries — {@code Ready}, {@code
 * Reconciling} and {@code Stalled} — as one consistent set, for the generation being reconciled,
 * and {@code status.observedGeneration}: the generation the operator has acted on, whatever the
 * outcome, as kstatus (and so Flux and {@code kubectl wait}) reads it. Whether that generation has
 * converged is the {@code Ready} condition's to say.
 */
public final class StatusConditions {
    private StatusConditions() {}

    /** The resource is as its current generation asks. */
    public static void ready(ResourceStatus status, long generation, String message, Instant now) {
        set(status, Condition.READY, ConditionStatus.TRUE, "Ready", message, generation, now);
        set(
                status,
                Condition.RECONCILING,
                ConditionStatus.FALSE,
                "Ready",
                message,
                generation,
                now);
        set(status, Condition.STALLED, ConditionStatus.FALSE, "Ready", message, generation, now);
        status.setObservedGeneration(generation);
    }

    /** The operator is working towards the current generation and expects to get there. */
    public static void progressing(
            ResourceStatus status, long generation, String reason, String message, Instant now) {
        set(status, Condition.READY, ConditionStatus.FALSE, reason, message, generation, now);
        set(status, Condition.RECONCILING, ConditionStatus.TRUE, reason, message, generation, now);
        set(status, Condition.STALLED, ConditionStatus.FALSE, reason, message, generation, now);
        status.setObservedGeneration(generation);
    }

    /** The operator cannot reach the current generation without a change from a person. */
    public static void stalled(
            ResourceStatus status, long generation, Problem problem, Instant now) {
        set(
                status,
                Condition.READY,
                ConditionStatus.FALSE,
                problem.reason(),
                problem.message(),
                generation,
                now);
        set(
                status,
                Condition.RECONCILING,
                ConditionStatus.FALSE,
                problem.reason(),
                problem.message(),
                generation,
                now);
        set(
                status,
                Condition.STALLED,
                ConditionStatus.TRUE,
                problem.reason(),
                problem.message(),
                generation,
                now);
        status.setObservedGeneration(generation);
    }

    /** Whether the status says the generation has converged: {@code Ready=True} for it. */
    public static boolean isReadyFor(ResourceStatus status, long generation) {
        return status != null
                && status.findCondition(Condition.READY)
                        .filter(
                                c ->
                                        c.getStatus() == ConditionStatus.TRUE
                                                && c.getObservedGeneration() != null
                                                && c.getObservedGeneration() == generation)
                        .isPresent();
    }

    private static void set(
            ResourceStatus status,
            String type,
            ConditionStatus value,
            String reason,
            String message,
            long generation,
            Instant now) {
        status.setCondition(new Condition(type, value, reason, message, generation), now);
    }
}
