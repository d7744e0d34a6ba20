package io.tributary.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.ResourceStatus;
import io.tributary.operator.status.StatusConditions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which resources have not converged — no {@code Ready=True} for their current {@code
 * metadata.generation} — and since when, so that a stuck reconciliation shows as an age that keeps
 * growing.
 *
 * <p>A resource that was never Ready is pending since its creation. One that was Ready once and
 * then changed (or stopped being Ready) is pending since this operator first saw it so; it stays
 * pending, from that moment, through further changes until it converges. The first look after an
 * operator start therefore counts from the start for changes made while no operator ran.
 *
 * @param pendingSince by resource uid, since when each unconverged resource has been so
 */
public record Convergence(Map<String, Instant> pendingSince) {

    /** Nothing pending: the state before the first look. */
    public static Convergence none() {
        return new Convergence(Map.of());
    }

    public Convergence {
        pendingSince = Map.copyOf(pendingSince);
    }

    /** The state after a look at the resources at {@code now}. */
    public Convergence next(
            Collection<? extends CustomResource<?, ? extends ResourceStatus>> resources,
            Instant now) {
        Map<String, Instant> pending = new HashMap<>();
        for (CustomResource<?, ? extends ResourceStatus> resource : resources) {
            Long generation = resource.getMetadata().getGeneration();
            ResourceStatus status = resource.getStatus();
            if (generation == null || StatusConditions.isReadyFor(status, generation)) {
                continue;
            }
            String uid = resource.getMetadata().getUid();
            Instant since = pendingSince.get(uid);
            if (since == null) {
                since = pendingFrom(resource, status, now);
            }
            pending.put(uid, since);
        }
        return new Convergence(pending);
    }

    /**
     * Since when a resource first seen unconverged has been so: since Ready went False, since its
     * creation when it never reported, and from now when it is Ready for an older generation.
     */
    private static Instant pendingFrom(
            CustomResource<?, ? extends ResourceStatus> resource,
            ResourceStatus status,
            Instant now) {
        Optional<Condition> ready =
                status == null ? Optional.empty() : status.findCondition(Condition.READY);
        if (ready.isEmpty()) {
            return created(resource, now);
        }
        if (ready.get().getStatus() == ConditionStatus.TRUE) {
            return now;
        }
        return parse(ready.get().getLastTransitionTime()).orElseGet(() -> created(resource, now));
    }

    /** How many resources are pending. */
    public int count() {
        return pendingSince.size();
    }

    /** The age of the longest-pending resource at {@code now}; zero when none is. */
    public Duration oldest(Instant now) {
        return pendingSince.values().stream()
                .min(Instant::compareTo)
                .map(since -> Duration.between(since, now))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    private static Instant created(HasMetadata resource, Instant fallback) {
        return parse(resource.getMetadata().getCreationTimestamp()).orElse(fallback);
    }

    private static Optional<Instant> parse(String timestamp) {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
