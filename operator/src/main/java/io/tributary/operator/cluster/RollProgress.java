package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.RestartingPod;
import io.tributary.api.v1alpha1.cluster.RollStatus;
import io.tributary.operator.roll.NodeState;
import io.tributary.operator.roll.RollStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps {@code status.roll}, the roll's memory across reconciles and operator restarts: starts a
 * roll when a node must restart, moves a restarted pod from restarting to restarted once its
 * replacement is ready, records each step, and ends the roll. Pure.
 */
public final class RollProgress {
    private RollProgress() {}

    /**
     * The roll as the nodes now show it, before planning: null when no roll is under way and no
     * node must restart.
     */
    public static RollStatus observe(RollStatus previous, List<NodeState> nodes, Instant now) {
        List<String> pending =
                nodes.stream().filter(NodeState::needsRestart).map(NodeState::pod).toList();
        if (previous == null && pending.isEmpty()) {
            return null;
        }
        RollStatus roll = previous == null ? new RollStatus() : copy(previous);
        if (previous == null) {
            roll.setStartedAt(now.toString());
            roll.setReason(
                    nodes.stream()
                            .filter(NodeState::needsRestart)
                            .findFirst()
                            .flatMap(NodeState::restartReason)
                            .orElse("restart"));
        }
        List<RestartingPod> stillRestarting = new ArrayList<>();
        for (RestartingPod restarting : roll.getRestarting()) {
            Optional<NodeState> node =
                    nodes.stream().filter(n -> n.pod().equals(restarting.getPod())).findFirst();
            if (node.isPresent() && node.get().present() && node.get().ready()) {
                // A status read before its own last write can hold a pod in both lists.
                if (!roll.getRestarted().contains(restarting.getPod())) {
                    roll.getRestarted().add(restarting.getPod());
                }
                roll.setLastNodeBackAt(now.toString());
            } else {
                stillRestarting.add(restarting);
            }
        }
        roll.setRestarting(stillRestarting);
        roll.setPending(
                new ArrayList<>(
                        pending.stream()
                                .filter(
                                        p ->
                                                stillRestarting.stream()
                                                        .noneMatch(r -> r.getPod().equals(p)))
                                .toList()));
        return roll;
    }

    /**
     * The roll after the planner's step: the pods deleted (with the uids they had), what it waits
     * for and since when safety has blocked it; null once the roll is done.
     */
    public static RollStatus record(
            RollStatus roll, RollStep step, Map<String, String> podUids, Instant now) {
        if (roll == null || step instanceof RollStep.Done) {
            return null;
        }
        RollStatus next = copy(roll);
        if (step instanceof RollStep.Restart restart) {
            for (String pod : restart.pods()) {
                next.getRestarting().add(new RestartingPod(pod, podUids.get(pod)));
                next.getPending().remove(pod);
            }
            next.setBlockedSince(null);
            next.setMessage(
                    "restarting " + String.join(", ", restart.pods()) + ": " + restart.reason());
        } else if (step instanceof RollStep.Wait wait) {
            next.setMessage(wait.reason());
            next.setBlockedSince(
                    !wait.blockedBySafety()
                            ? null
                            : roll.getBlockedSince() != null
                                    ? roll.getBlockedSince()
                                    : now.toString());
        }
        return next;
    }

    /** Whether safety has blocked the roll for longer than the bound. */
    public static boolean stalled(RollStatus roll, Duration bound, Instant now) {
        return roll != null
                && roll.getBlockedSince() != null
                && !Instant.parse(roll.getBlockedSince()).plus(bound).isAfter(now);
    }

    /** When the last restarted node came back, for the pause between nodes. */
    public static Optional<Instant> lastNodeBackAt(RollStatus roll) {
        return roll == null || roll.getLastNodeBackAt() == null
                ? Optional.empty()
                : Optional.of(Instant.parse(roll.getLastNodeBackAt()));
    }

    private static RollStatus copy(RollStatus roll) {
        RollStatus copy = new RollStatus();
        copy.setReason(roll.getReason());
        copy.setStartedAt(roll.getStartedAt());
        copy.setRestarted(new ArrayList<>(roll.getRestarted()));
        copy.setPending(new ArrayList<>(roll.getPending()));
        copy.setRestarting(
                new ArrayList<>(
                        roll.getRestarting().stream()
                                .map(r -> new RestartingPod(r.getPod(), r.getUid()))
                                .toList()));
        copy.setLastNodeBackAt(roll.getLastNodeBackAt());
        copy.setBlockedSince(roll.getBlockedSince());
        copy.setMessage(roll.getMessage());
        return copy;
    }
}
