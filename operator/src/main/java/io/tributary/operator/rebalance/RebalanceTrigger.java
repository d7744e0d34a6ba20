package io.tributary.operator.rebalance;

import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a rebalance starts, from the cluster as it is: brokers to drain because the spec
 * has fewer than run, brokers registered that the partitions were never spread over, or a person's
 * request. One disruptive operation at a time: nothing starts while a roll or another rebalance is
 * under way. Pure.
 */
public final class RebalanceTrigger {
    /** {@code "true"} rebalances now; {@code "dry-run"} only proposes a plan in the status. */
    public static final String ANNOTATION = "kafka.tributary.io/rebalance";

    public static final String DRY_RUN = "dry-run";

    private RebalanceTrigger() {}

    /** What the cluster looks like for this decision. */
    public record Inputs(
            List<Integer> desiredBrokers,
            List<Integer> runningBrokers,
            Set<Integer> registeredBrokers,
            List<Integer> balancedBrokers,
            RebalanceStatus rebalance,
            Optional<String> annotation,
            boolean auto,
            boolean rollUnderWay) {
        public Inputs {
            desiredBrokers = List.copyOf(desiredBrokers);
            runningBrokers = List.copyOf(runningBrokers);
            registeredBrokers = Set.copyOf(registeredBrokers);
            balancedBrokers = balancedBrokers == null ? null : List.copyOf(balancedBrokers);
        }
    }

    /** The decision. */
    public sealed interface Decision {}

    /** Nothing to start. */
    public record Nothing() implements Decision {}

    /** Nothing moves, but the brokers the partitions are spread over are now known. */
    public record RecordBrokers(List<Integer> brokers) implements Decision {}

    /** A rebalance would start but cannot yet; says why. */
    public record Wait(String reason) implements Decision {}

    /**
     * Plan a rebalance over {@code brokers} (those that stay), draining {@code draining}; {@code
     * dryRun} only proposes the plan.
     */
    public record Start(
            String trigger,
            List<Integer> brokers,
            Set<Integer> added,
            Set<Integer> draining,
            boolean dryRun)
            implements Decision {
        public Start {
            brokers = List.copyOf(brokers);
            added = Set.copyOf(added);
            draining = Set.copyOf(draining);
        }
    }

    public static Decision decide(Inputs in) {
        if (in.rebalance() != null && !RebalanceStatus.PROPOSED.equals(in.rebalance().getState())) {
            return new Nothing();
        }
        Set<Integer> draining = new TreeSet<>(in.runningBrokers());
        draining.removeAll(in.desiredBrokers());
        Set<Integer> missing = new TreeSet<>(in.desiredBrokers());
        missing.removeAll(in.registeredBrokers());
        boolean manual = in.annotation().map(a -> a.trim().equalsIgnoreCase("true")).orElse(false);
        boolean dryRun = in.annotation().map(a -> a.trim().equalsIgnoreCase(DRY_RUN)).orElse(false);
        Set<Integer> added = new TreeSet<>(in.registeredBrokers());
        if (in.balancedBrokers() != null) {
            added.removeAll(in.balancedBrokers());
        }
        added.removeAll(draining);
        boolean scaleUp =
                in.auto()
                        && in.balancedBrokers() != null
                        && !added.isEmpty()
                        && in.desiredBrokers().containsAll(added);
        if (draining.isEmpty() && !manual && !dryRun && !scaleUp) {
            if (in.balancedBrokers() == null && missing.isEmpty()) {
                return new RecordBrokers(new TreeSet<>(in.desiredBrokers()).stream().toList());
            }
            return new Nothing();
        }
        if (in.rollUnderWay()) {
            return new Wait("a rolling restart is under way; the rebalance starts after it");
        }
        if (!missing.isEmpty()) {
            return new Wait("brokers " + missing + " are not registered yet");
        }
        String trigger =
                !draining.isEmpty()
                        ? RebalanceStatus.SCALE_DOWN
                        : manual || dryRun ? RebalanceStatus.MANUAL : RebalanceStatus.SCALE_UP;
        List<Integer> staying = new TreeSet<>(in.desiredBrokers()).stream().toList();
        return new Start(
                trigger,
                staying,
                in.balancedBrokers() == null ? Set.of() : added,
                draining,
                dryRun && draining.isEmpty());
    }

    /** The annotation's value, from the resource's annotations. */
    public static Optional<String> annotation(Map<String, String> annotations) {
        return Optional.ofNullable(annotations == null ? null : annotations.get(ANNOTATION));
    }
}
