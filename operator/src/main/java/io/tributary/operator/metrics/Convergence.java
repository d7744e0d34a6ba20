package io.tributary.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.tributary.api.v1alpha1.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which resources have not converged — {@code status.observedGeneration} behind {@code
 * metadata.generation} — and since when, so that a stuck reconciliation shows as an age that keeps
 * growing.
 *
 * <p>A resource that never converged is pending since its creation. One that converged once and
 * then changed is pending since this operator first saw it behind; it stays pending, from that
 * moment, through further changes until it converges. The first look after an operator start
 * therefore counts from the start for changes made while no operator ran.
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
            Long observed = status == null ? null : status.getObservedGeneration();
            if (generation == null || (observed != null && observed >= generation)) {
                continue;
            }
            String uid = resource.getMetadata().getUid();
            Instant since = pendingSince.get(uid);
            if (since == null) {
                since = observed == null ? created(resource, now) : now;
            }
            pending.put(uid, since);
        }
        return new Convergence(pending);
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
        String timestamp = resource.getMetadata().getCreationTimestamp();
        if (timestamp == null) {
            return fallback;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
