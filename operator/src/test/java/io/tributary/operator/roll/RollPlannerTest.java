package io.tributary.operator.roll;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.NodeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The roll planner, table-driven: every rule, and snapshots that go wrong in real clusters. */
class RollPlannerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Set<NodeRole> BROKER = EnumSet.of(NodeRole.BROKER);
    private static final Set<NodeRole> CONTROLLER = EnumSet.of(NodeRole.CONTROLLER);
    private static final Set<NodeRole> COMBINED = EnumSet.of(NodeRole.BROKER, NodeRole.CONTROLLER);

    /** A snapshot and the step the planner must choose. */
    record Case(String name, RollSnapshot snapshot, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "nothing to restart is done",
                        snapshot(
                                List.of(broker(0), broker(1), broker(2)),
                                healthy(),
                                healthyPartitions()),
                        "done"),
                new Case(
                        "the last restarted broker still starting keeps the roll open",
                        snapshot(
                                List.of(broker(0), broker(1), notReady(restarted(broker(2)))),
                                healthy(),
                                healthyPartitions()),
                        "wait progress: pod k-brokers-2 is starting"),
                new Case(
                        "the last restarted broker out of the ISR keeps the roll open",
                        snapshot(
                                List.of(broker(0), broker(1), restarted(broker(2))),
                                healthy(),
                                List.of(
                                        partition(
                                                "orders", 0, List.of(0, 1, 2), List.of(0, 1), 2))),
                        "wait progress: broker 2 (pod k-brokers-2) is catching up on 1 partitions"
                                + " (orders-0)"),
                new Case(
                        "the last restarted broker back and in sync ends the roll despite a pause",
                        withOptions(
                                withLastBack(
                                        snapshot(
                                                List.of(broker(0), broker(1), restarted(broker(2))),
                                                healthy(),
                                                healthyPartitions()),
                                        NOW.minusSeconds(1)),
                                new RollOptions(Duration.ofMinutes(5), false)),
                        "done"),
                new Case(
                        "with the brokers unreachable, a ready broker does not restart",
                        RollSnapshot.withoutKafka(
                                List.of(pending(broker(0)), broker(1), broker(2)),
                                RollOptions.defaults(),
                                Optional.empty(),
                                NOW),
                        "wait safety: the brokers could not be asked about their partitions, so"
                                + " broker 0 cannot restart safely"),
                new Case(
                        "with the brokers unreachable, a broker that is down restarts",
                        RollSnapshot.withoutKafka(
                                List.of(pending(notReady(broker(0))), broker(1), broker(2)),
                                RollOptions.defaults(),
                                Optional.empty(),
                                NOW),
                        "restart k-brokers-0"),
                new Case(
                        "with the brokers unreachable, a ready combined node does not restart",
                        RollSnapshot.withoutKafka(
                                List.of(pending(combined(0)), combined(1), combined(2)),
                                RollOptions.defaults(),
                                Optional.empty(),
                                NOW),
                        "wait safety: the KRaft quorum's state is unknown, so controller 0 cannot"
                                + " restart safely"),
                new Case(
                        "a ready broker whose partitions stay above min ISR restarts",
                        snapshot(
                                List.of(pending(broker(0)), broker(1), broker(2)),
                                healthy(),
                                healthyPartitions()),
                        "restart k-brokers-0"),
                new Case(
                        "a broker whose restart leaves a partition below min ISR waits, naming it",
                        snapshot(
                                List.of(pending(broker(0)), broker(1), broker(2)),
                                healthy(),
                                List.of(
                                        partition(
                                                "orders", 0, List.of(0, 1, 2), List.of(0, 1), 2))),
                        "wait safety: restarting broker 0 would take 1 partitions below"
                            + " min.insync.replicas: orders-0 (in sync [0, 1], min.insync.replicas"
                            + " 2)"),
                new Case(
                        "a partition already under min ISR blocks its in-sync broker",
                        snapshot(
                                List.of(pending(broker(1)), broker(0), broker(2)),
                                healthy(),
                                List.of(partition("orders", 0, List.of(0, 1, 2), List.of(1), 2))),
                        "wait safety: restarting broker 1 would take 1 partitions below"
                                + " min.insync.replicas: orders-0 (in sync [1], min.insync.replicas"
                                + " 2)"),
                new Case(
                        "a partition already under min ISR does not block a broker out of its ISR",
                        snapshot(
                                List.of(pending(broker(2)), broker(0), broker(1)),
                                healthy(),
                                List.of(partition("orders", 0, List.of(0, 1, 2), List.of(1), 2))),
                        "restart k-brokers-2"),
                new Case(
                        "a topic whose replication factor is below min ISR does not block",
                        snapshot(
                                List.of(pending(broker(0)), broker(1), broker(2)),
                                healthy(),
                                List.of(partition("scratch", 0, List.of(0), List.of(0), 2))),
                        "restart k-brokers-0"),
                new Case(
                        "replication factor equal to min ISR blocks: any restart stops acks=all"
                                + " writes",
                        snapshot(
                                List.of(pending(broker(0)), broker(1), broker(2)),
                                healthy(),
                                List.of(partition("strict", 0, List.of(0, 1), List.of(0, 1), 2))),
                        "wait safety: restarting broker 0 would take 1 partitions below"
                            + " min.insync.replicas: strict-0 (in sync [0, 1], min.insync.replicas"
                            + " 2)"),
                new Case(
                        "a pod being recreated is waited for",
                        snapshot(
                                List.of(pending(broker(0)), absent(broker(1)), broker(2)),
                                healthy(),
                                healthyPartitions()),
                        "wait progress: pod k-brokers-1 is restarting"),
                new Case(
                        "two pods down: wait for the one being recreated before anything else",
                        snapshot(
                                List.of(
                                        absent(pending(broker(0))),
                                        notReady(pending(broker(1))),
                                        broker(2)),
                                healthy(),
                                healthyPartitions()),
                        "wait progress: pod k-brokers-0 is restarting"),
                new Case(
                        "a pod that is not ready goes first",
                        snapshot(
                                List.of(
                                        pending(broker(0)),
                                        broker(1),
                                        notReady(pending(broker(2)))),
                                healthy(),
                                healthyPartitions()),
                        "restart k-brokers-2"),
                new Case(
                        "a pod that is not ready restarts even when partitions are short",
                        snapshot(
                                List.of(notReady(pending(broker(2))), broker(0), broker(1)),
                                healthy(),
                                List.of(
                                        partition(
                                                "orders", 0, List.of(0, 1, 2), List.of(0, 1), 2))),
                        "restart k-brokers-2"),
                new Case(
                        "dedicated controllers restart before brokers",
                        snapshot(
                                List.of(
                                        pending(broker(0)),
                                        pending(controller(1000)),
                                        pending(controller(1001)),
                                        pending(controller(1002))),
                                quorum(1002, 1000, 1001, 1002),
                                healthyPartitions()),
                        "restart k-controllers-0"),
                new Case(
                        "the active controller restarts last",
                        snapshot(
                                List.of(
                                        pending(controller(1000)),
                                        pending(controller(1001)),
                                        pending(controller(1002))),
                                quorum(1000, 1000, 1001, 1002),
                                List.of()),
                        "restart k-controllers-1"),
                new Case(
                        "the active controller restarts when it is the last one left",
                        snapshot(
                                List.of(
                                        pending(controller(1000)),
                                        restarted(controller(1001)),
                                        restarted(controller(1002))),
                                quorum(1000, 1000, 1001, 1002),
                                List.of()),
                        "restart k-controllers-0"),
                new Case(
                        "a controller whose restart would lose the caught-up majority waits",
                        snapshot(
                                List.of(
                                        controller(1000),
                                        pending(controller(1001)),
                                        controller(1002)),
                                quorumLagging(1000, List.of(1000, 1001, 1002), Set.of(1002)),
                                List.of()),
                        "wait safety: restarting controller 1001 would leave 1 of 3 voters caught"
                                + " up, below the majority of 2"),
                new Case(
                        "a lagging controller can restart when the others are a majority",
                        snapshot(
                                List.of(
                                        controller(1000),
                                        pending(controller(1001)),
                                        pending(controller(1002))),
                                quorumLagging(1000, List.of(1000, 1001, 1002), Set.of(1002)),
                                List.of()),
                        "restart k-controllers-2"),
                new Case(
                        "no ready controller restarts while the quorum is unknown",
                        snapshot(
                                List.of(
                                        pending(controller(1000)),
                                        controller(1001),
                                        controller(1002)),
                                QuorumState.unknown(),
                                List.of()),
                        "wait safety: the KRaft quorum's state is unknown, so controller 1000"
                                + " cannot restart safely"),
                new Case(
                        "combined nodes check both the quorum and the partitions",
                        snapshot(
                                List.of(pending(combined(0)), combined(1), combined(2)),
                                quorum(1, 0, 1, 2),
                                List.of(
                                        partition(
                                                "orders", 0, List.of(0, 1, 2), List.of(0, 2), 2))),
                        "wait safety: restarting broker 0 would take 1 partitions below"
                            + " min.insync.replicas: orders-0 (in sync [0, 2], min.insync.replicas"
                            + " 2)"),
                new Case(
                        "a node restarted in this roll must be ready before the next",
                        snapshot(
                                List.of(
                                        notReady(restarted(broker(0))),
                                        pending(broker(1)),
                                        pending(broker(2))),
                                healthy(),
                                healthyPartitions()),
                        "wait progress: pod k-brokers-0 is starting"),
                new Case(
                        "a node restarted in this roll must be back in sync before the next",
                        snapshot(
                                List.of(
                                        restarted(broker(0)),
                                        pending(broker(1)),
                                        pending(broker(2))),
                                healthy(),
                                List.of(
                                        partition(
                                                "orders", 0, List.of(0, 1, 2), List.of(1, 2), 2))),
                        "wait progress: broker 0 (pod k-brokers-0) is catching up on 1 partitions"
                                + " (orders-0)"),
                new Case(
                        "the active controller changing mid-roll moves to the end",
                        snapshot(
                                List.of(
                                        restarted(combined(0)),
                                        pending(combined(1)),
                                        pending(combined(2))),
                                quorum(1, 0, 1, 2),
                                healthyPartitions()),
                        "restart k-brokers-2"),
                new Case(
                        "rack by rack: a rack-aware cluster restarts a rack's brokers together",
                        withOptions(
                                snapshot(
                                        List.of(
                                                pending(rack(broker(0), "a")),
                                                        pending(rack(broker(3), "a")),
                                                pending(rack(broker(1), "b")),
                                                        pending(rack(broker(4), "b")),
                                                pending(rack(broker(2), "c")),
                                                        pending(rack(broker(5), "c"))),
                                        healthy(),
                                        List.of(
                                                partition(
                                                        "orders",
                                                        0,
                                                        List.of(0, 1, 2),
                                                        List.of(0, 1, 2),
                                                        2),
                                                partition(
                                                        "orders",
                                                        1,
                                                        List.of(3, 4, 5),
                                                        List.of(3, 4, 5),
                                                        2))),
                                new RollOptions(Duration.ZERO, true)),
                        "restart k-brokers-0,k-brokers-3"),
                new Case(
                        "rack by rack falls back to one broker when a rack holds two replicas of a"
                                + " partition",
                        withOptions(
                                snapshot(
                                        List.of(
                                                pending(rack(broker(0), "a")),
                                                        pending(rack(broker(3), "a")),
                                                pending(rack(broker(1), "b")),
                                                        pending(rack(broker(2), "c"))),
                                        healthy(),
                                        List.of(
                                                partition(
                                                        "orders",
                                                        0,
                                                        List.of(0, 3, 1),
                                                        List.of(0, 3, 1),
                                                        2))),
                                new RollOptions(Duration.ZERO, true)),
                        "restart k-brokers-0"),
                new Case(
                        "the pause between nodes is waited out",
                        withLastBack(
                                withOptions(
                                        snapshot(
                                                List.of(restarted(broker(0)), pending(broker(1))),
                                                healthy(),
                                                healthyPartitions()),
                                        new RollOptions(Duration.ofSeconds(30), false)),
                                NOW.minusSeconds(10)),
                        "wait progress: pausing between nodes"),
                new Case(
                        "after the pause the roll goes on",
                        withLastBack(
                                withOptions(
                                        snapshot(
                                                List.of(restarted(broker(0)), pending(broker(1))),
                                                healthy(),
                                                healthyPartitions()),
                                        new RollOptions(Duration.ofSeconds(30), false)),
                                NOW.minusSeconds(31)),
                        "restart k-brokers-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheNextStep(Case c) {
        assertThat(describe(RollPlanner.plan(c.snapshot()))).isEqualTo(c.expected());
    }

    private static String describe(RollStep step) {
        if (step instanceof RollStep.Restart restart) {
            return "restart " + String.join(",", restart.pods());
        }
        if (step instanceof RollStep.Wait wait) {
            return "wait "
                    + (wait.blockedBySafety() ? "safety" : "progress")
                    + ": "
                    + wait.reason();
        }
        return "done";
    }

    // ---- snapshot builders ----

    private static NodeState broker(int id) {
        return node("k-brokers-" + id, id, BROKER);
    }

    private static NodeState combined(int id) {
        return node("k-brokers-" + id, id, COMBINED);
    }

    private static NodeState controller(int id) {
        return node("k-controllers-" + (id - 1000), id, CONTROLLER);
    }

    private static NodeState node(String pod, int id, Set<NodeRole> roles) {
        return new NodeState(pod, id, roles, true, true, Optional.empty(), false, Optional.empty());
    }

    private static NodeState pending(NodeState n) {
        return new NodeState(
                n.pod(),
                n.nodeId(),
                n.roles(),
                n.present(),
                n.ready(),
                Optional.of("pod template changed"),
                n.restartedInThisRoll(),
                n.rack());
    }

    private static NodeState restarted(NodeState n) {
        return new NodeState(
                n.pod(),
                n.nodeId(),
                n.roles(),
                n.present(),
                n.ready(),
                Optional.empty(),
                true,
                n.rack());
    }

    private static NodeState notReady(NodeState n) {
        return new NodeState(
                n.pod(),
                n.nodeId(),
                n.roles(),
                n.present(),
                false,
                n.restartReason(),
                n.restartedInThisRoll(),
                n.rack());
    }

    private static NodeState absent(NodeState n) {
        return new NodeState(
                n.pod(),
                n.nodeId(),
                n.roles(),
                false,
                false,
                n.restartReason(),
                n.restartedInThisRoll(),
                n.rack());
    }

    private static NodeState rack(NodeState n, String rack) {
        return new NodeState(
                n.pod(),
                n.nodeId(),
                n.roles(),
                n.present(),
                n.ready(),
                n.restartReason(),
                n.restartedInThisRoll(),
                Optional.of(rack));
    }

    private static QuorumState healthy() {
        return quorum(0, 0, 1, 2);
    }

    private static QuorumState quorum(int leader, int... voters) {
        return quorumLagging(leader, Arrays.stream(voters).boxed().toList(), Set.of());
    }

    private static QuorumState quorumLagging(
            int leader, List<Integer> voters, Set<Integer> lagging) {
        return new QuorumState(
                Optional.of(leader),
                voters.stream()
                        .map(v -> new QuorumState.Voter(v, !lagging.contains(v)))
                        .collect(Collectors.toList()));
    }

    private static List<PartitionState> healthyPartitions() {
        List<PartitionState> partitions = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            partitions.add(partition("orders", p, List.of(0, 1, 2), List.of(0, 1, 2), 2));
        }
        return partitions;
    }

    private static PartitionState partition(
            String topic, int partition, List<Integer> replicas, List<Integer> isr, int minIsr) {
        return new PartitionState(topic, partition, replicas, isr, minIsr);
    }

    private static RollSnapshot snapshot(
            List<NodeState> nodes, QuorumState quorum, List<PartitionState> partitions) {
        return new RollSnapshot(
                nodes, quorum, partitions, RollOptions.defaults(), Optional.empty(), NOW);
    }

    private static RollSnapshot withOptions(RollSnapshot s, RollOptions options) {
        return new RollSnapshot(
                s.nodes(),
                s.quorum(),
                s.partitions(),
                options,
                s.lastNodeBackAt(),
                s.now(),
                s.partitionsKnown());
    }

    private static RollSnapshot withLastBack(RollSnapshot s, Instant lastBack) {
        return new RollSnapshot(
                s.nodes(),
                s.quorum(),
                s.partitions(),
                s.options(),
                Optional.of(lastBack),
                s.now(),
                s.partitionsKnown());
    }
}
