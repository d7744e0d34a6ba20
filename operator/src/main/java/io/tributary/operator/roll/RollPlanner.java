package io.tributary.operator.roll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides the next step of a rolling restart from a snapshot of the cluster. Pure: the executor
 * gathers the snapshot, asks, and does the step.
 *
 * <ol>
 *   <li>No node needs a restart: done, once the nodes restarted in this roll are back and in sync
 *       (rules 2 and 3).
 *   <li>A node is gone (being deleted or not yet recreated), or restarted in this roll and not
 *       ready yet: wait for it.
 *   <li>A node restarted in this roll is not back in the in-sync replicas of all its partitions:
 *       wait for it to catch up.
 *   <li>The last node came back less than the configured pause ago: wait out the pause.
 *   <li>Candidates, in order: dedicated controllers before brokers (combined nodes count as
 *       brokers); within that group, nodes that are not ready first (restarting a node that is down
 *       takes nothing away); then by node id, with the active controller last.
 *   <li>A ready controller may restart only if, without it, a majority of all voters is still
 *       caught up with the leader; with the quorum unknown, no ready controller restarts.
 *   <li>A ready broker may restart only if the brokers reported their partitions and no partition
 *       it is in sync for would drop below its min.insync.replicas. Partitions whose replication
 *       factor is below min.insync.replicas can never meet it and do not block (restarting cannot
 *       break a guarantee they do not have).
 *   <li>With rack-by-rack rolling, the ready brokers of the candidate's rack restart together when
 *       rule 7 holds for all of them at once; otherwise one node restarts.
 *   <li>The first candidate that passes restarts; if none passes, wait, naming what blocks the
 *       first one.
 * </ol>
 */
public final class RollPlanner {
    private RollPlanner() {}

    public static RollStep plan(RollSnapshot snapshot) {
        List<NodeState> pending =
                snapshot.nodes().stream().filter(NodeState::needsRestart).toList();
        if (pending.isEmpty()) {
            return waitForProgress(snapshot, false).orElse(new RollStep.Done());
        }
        Optional<RollStep> progress = waitForProgress(snapshot, true);
        if (progress.isPresent()) {
            return progress.get();
        }
        List<NodeState> candidates = candidates(snapshot, pending);
        String firstBlock = null;
        for (NodeState candidate : candidates) {
            Optional<String> block = blocker(snapshot, List.of(candidate));
            if (block.isEmpty()) {
                return restart(snapshot, candidate);
            }
            if (firstBlock == null) {
                firstBlock = block.get();
            }
        }
        return new RollStep.Wait(firstBlock, true);
    }

    private static Optional<RollStep> waitForProgress(RollSnapshot snapshot, boolean pause) {
        for (NodeState node : snapshot.nodes()) {
            if (!node.present()) {
                return Optional.of(
                        new RollStep.Wait("pod " + node.pod() + " is restarting", false));
            }
        }
        for (NodeState node : snapshot.nodes()) {
            if (node.restartedInThisRoll() && !node.ready()) {
                return Optional.of(new RollStep.Wait("pod " + node.pod() + " is starting", false));
            }
        }
        for (NodeState node : snapshot.nodes()) {
            if (!node.restartedInThisRoll() || !node.isBroker()) {
                continue;
            }
            List<String> behind =
                    snapshot.partitions().stream()
                            .filter(
                                    p ->
                                            p.replicas().contains(node.nodeId())
                                                    && !p.isr().contains(node.nodeId()))
                            .map(PartitionState::name)
                            .toList();
            if (!behind.isEmpty()) {
                return Optional.of(
                        new RollStep.Wait(
                                "broker %d (pod %s) is catching up on %d partitions (%s)"
                                        .formatted(
                                                node.nodeId(),
                                                node.pod(),
                                                behind.size(),
                                                sample(behind)),
                                false));
            }
        }
        if (pause
                && snapshot.lastNodeBackAt().isPresent()
                && snapshot.lastNodeBackAt()
                        .get()
                        .plus(snapshot.options().pauseBetweenNodes())
                        .isAfter(snapshot.now())) {
            return Optional.of(new RollStep.Wait("pausing between nodes", false));
        }
        return Optional.empty();
    }

    /** Pending nodes in the order rule 5 gives. */
    static List<NodeState> candidates(RollSnapshot snapshot, List<NodeState> pending) {
        boolean controllersPending =
                pending.stream().anyMatch(n -> n.isController() && !n.isBroker());
        Optional<Integer> active = snapshot.quorum().leader();
        return pending.stream()
                .filter(n -> !controllersPending || (n.isController() && !n.isBroker()))
                .sorted(
                        Comparator.comparing((NodeState n) -> n.ready())
                                .thenComparing(
                                        n ->
                                                n.isController()
                                                        && active.isPresent()
                                                        && active.get() == n.nodeId())
                                .thenComparingInt(NodeState::nodeId))
                .toList();
    }

    /** Why these nodes may not restart together now, or empty when they may. */
    static Optional<String> blocker(RollSnapshot snapshot, List<NodeState> nodes) {
        List<NodeState> ready = nodes.stream().filter(NodeState::ready).toList();
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> ids = ready.stream().map(NodeState::nodeId).collect(Collectors.toSet());
        for (NodeState node : ready) {
            if (node.isController()) {
                Optional<String> quorum = quorumBlocker(snapshot.quorum(), node.nodeId());
                if (quorum.isPresent()) {
                    return quorum;
                }
            }
        }
        if (ready.stream().anyMatch(NodeState::isBroker) && !snapshot.partitionsKnown()) {
            return Optional.of(
                    "the brokers could not be asked about their partitions, so %s cannot restart"
                                    .formatted(describe(ready))
                            + " safely");
        }
        if (ready.stream().anyMatch(NodeState::isBroker)) {
            List<String> blocking = new ArrayList<>();
            for (PartitionState partition : snapshot.partitions()) {
                if (!partition.canMeetMinIsr()) {
                    continue;
                }
                boolean affected = partition.isr().stream().anyMatch(ids::contains);
                if (affected && partition.isrWithout(ids) < partition.minIsr()) {
                    blocking.add(
                            "%s (in sync %s, min.insync.replicas %d)"
                                    .formatted(
                                            partition.name(), partition.isr(), partition.minIsr()));
                }
            }
            if (!blocking.isEmpty()) {
                return Optional.of(
                        "restarting %s would take %d partitions below min.insync.replicas: %s"
                                .formatted(describe(ready), blocking.size(), sample(blocking)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> quorumBlocker(QuorumState quorum, int controller) {
        if (quorum.voters().isEmpty()) {
            return Optional.of(
                    "the KRaft quorum's state is unknown, so controller %d cannot restart safely"
                            .formatted(controller));
        }
        int majority = quorum.voters().size() / 2 + 1;
        long caughtUpOthers =
                quorum.voters().stream().filter(v -> v.id() != controller && v.caughtUp()).count();
        if (caughtUpOthers < majority) {
            return Optional.of(
                    "restarting controller %d would leave %d of %d voters caught up, below the majority of %d"
                            .formatted(
                                    controller, caughtUpOthers, quorum.voters().size(), majority));
        }
        return Optional.empty();
    }

    private static RollStep restart(RollSnapshot snapshot, NodeState candidate) {
        if (snapshot.options().byRack()
                && candidate.ready()
                && candidate.isBroker()
                && !candidate.isController()
                && candidate.rack().isPresent()) {
            List<NodeState> rack =
                    snapshot.nodes().stream()
                            .filter(
                                    n ->
                                            n.needsRestart()
                                                    && n.ready()
                                                    && n.isBroker()
                                                    && !n.isController())
                            .filter(n -> n.rack().equals(candidate.rack()))
                            .sorted(Comparator.comparingInt(NodeState::nodeId))
                            .toList();
            if (rack.size() > 1 && blocker(snapshot, rack).isEmpty()) {
                return new RollStep.Restart(
                        rack.stream().map(NodeState::pod).toList(),
                        "rack %s: %s"
                                .formatted(
                                        candidate.rack().get(),
                                        candidate.restartReason().orElse("")));
            }
        }
        return new RollStep.Restart(List.of(candidate.pod()), candidate.restartReason().orElse(""));
    }

    private static String describe(List<NodeState> nodes) {
        return nodes.size() == 1
                ? "broker " + nodes.get(0).nodeId()
                : "brokers " + nodes.stream().map(NodeState::nodeId).toList();
    }

    private static String sample(List<String> items) {
        return items.size() <= 3
                ? String.join(", ", items)
                : String.join(", ", items.subList(0, 3)) + ", ...";
    }
}
