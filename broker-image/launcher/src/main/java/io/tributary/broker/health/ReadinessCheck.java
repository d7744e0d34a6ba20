package io.tributary.broker.health;

import io.tributary.broker.LauncherPhase;
import io.tributary.broker.config.NodeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides liveness and readiness from the launcher's phase and Kafka's metric values.
 *
 * <p>Live unless Kafka failed. Ready when Kafka runs and every role of the node is ready: a broker
 * when its broker state is RUNNING, a controller when its KRaft client knows a leader and is that
 * leader or a follower of it (an observer, a candidate or an unattached voter is not).
 */
public final class ReadinessCheck {
    static final int BROKER_RUNNING = 3;

    // org.apache.kafka.metadata.BrokerState, spelled out to keep the reason readable.
    private static final Map<Integer, String> BROKER_STATES =
            Map.of(
                    0, "NOT_RUNNING",
                    1, "STARTING",
                    2, "RECOVERY",
                    3, "RUNNING",
                    6, "PENDING_CONTROLLED_SHUTDOWN",
                    7, "SHUTTING_DOWN",
                    127, "UNKNOWN");

    private ReadinessCheck() {}

    public static Readiness evaluate(
            LauncherPhase phase, Set<NodeRole> roles, NodeMetrics metrics) {
        switch (phase) {
            case STARTING -> {
                return new Readiness(true, false, "Kafka is not started yet");
            }
            case STOPPING -> {
                return new Readiness(true, false, "Kafka is shutting down");
            }
            case FAILED -> {
                return new Readiness(false, false, "Kafka failed or stopped");
            }
            case RUNNING -> {}
        }
        List<String> notReady = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        if (roles.contains(NodeRole.BROKER)) {
            brokerNotReady(metrics.brokerState())
                    .ifPresentOrElse(notReady::add, () -> ready.add("broker is RUNNING"));
        }
        if (roles.contains(NodeRole.CONTROLLER)) {
            controllerNotReady(metrics.raftState(), metrics.raftLeader())
                    .ifPresentOrElse(
                            notReady::add,
                            () ->
                                    ready.add(
                                            "controller is "
                                                    + metrics.raftState().orElseThrow()
                                                    + " (leader "
                                                    + metrics.raftLeader().orElseThrow()
                                                    + ")"));
        }
        if (!notReady.isEmpty()) {
            return new Readiness(true, false, String.join("; ", notReady));
        }
        return new Readiness(true, true, String.join("; ", ready));
    }

    private static Optional<String> brokerNotReady(Optional<Integer> brokerState) {
        if (brokerState.isEmpty()) {
            return Optional.of("broker state is not published yet");
        }
        int state = brokerState.get();
        if (state == BROKER_RUNNING) {
            return Optional.empty();
        }
        return Optional.of(
                "broker state is "
                        + BROKER_STATES.getOrDefault(state, "unknown")
                        + " ("
                        + state
                        + "), not RUNNING");
    }

    private static Optional<String> controllerNotReady(
            Optional<String> raftState, Optional<Integer> raftLeader) {
        if (raftState.isEmpty() || raftLeader.isEmpty()) {
            return Optional.of("KRaft metrics are not published yet");
        }
        if (raftLeader.get() < 0) {
            return Optional.of("controller knows no KRaft leader (state " + raftState.get() + ")");
        }
        String state = raftState.get();
        if (!state.equals("leader") && !state.equals("follower")) {
            return Optional.of(
                    "controller is "
                            + state
                            + " of the KRaft quorum, not its leader or a follower");
        }
        return Optional.empty();
    }
}
