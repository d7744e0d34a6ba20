package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.ResourceStatus;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code kafka.tributary.io/pause-reconciliation} annotation: while it is {@code "true"} the
 * operator changes nothing it owns and says so in a {@code ReconciliationPaused} condition.
 */
public final class ReconciliationPause {
    public static final String ANNOTATION = "kafka.tributary.io/pause-reconciliation";
    public static final String CONDITION = "ReconciliationPaused";

    private ReconciliationPause() {}

    public static boolean isPaused(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    /**
     * Marks the status as paused. A generation that already converged stays Ready, since the
     * cluster still runs it; a newer one is Stalled, because only a person removing the annotation
     * lets it proceed.
     */
    public static void markPaused(ResourceStatus status, long generation, Instant now) {
        String message = "reconciliation is paused by the " + ANNOTATION + " annotation";
        status.setCondition(
                new Condition(CONDITION, ConditionStatus.TRUE, "Paused", message, generation), now);
        if (!StatusConditions.isReadyFor(status, generation)) {
            StatusConditions.stalled(status, generation, new Problem(CONDITION, message), now);
        }
    }

    /** Drops the paused condition once the annotation is gone. */
    public static void markResumed(ResourceStatus status) {
        status.removeCondition(CONDITION);
    }
}
