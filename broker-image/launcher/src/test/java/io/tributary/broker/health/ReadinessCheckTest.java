package io.tributary.broker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.broker.LauncherPhase;
import io.tributary.broker.config.NodeRole;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Readiness over broker state, KRaft state and the launcher phase. */
class ReadinessCheckTest {
    private static final Set<NodeRole> BROKER = Set.of(NodeRole.BROKER);
    private static final Set<NodeRole> CONTROLLER = Set.of(NodeRole.CONTROLLER);
    private static final Set<NodeRole> COMBINED = Set.of(NodeRole.BROKER, NodeRole.CONTROLLER);

    private static NodeMetrics metrics(Integer brokerState, String raftState, Integer leader) {
        return new NodeMetrics(
                Optional.ofNullable(brokerState),
                Optional.ofNullable(raftState),
                Optional.ofNullable(leader),
                Optional.of("4.4.0"));
    }

    private static Readiness running(Set<NodeRole> roles, NodeMetrics metrics) {
        return ReadinessCheck.evaluate(LauncherPhase.RUNNING, roles, metrics);
    }

    @Test
    void aBrokerIsReadyWhenRunning() {
        Readiness readiness = running(BROKER, metrics(3, "observer", 0));

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.live()).isTrue();
        assertThat(readiness.reason()).isEqualTo("broker is RUNNING");
    }

    @Test
    void aBrokerIsNotReadyInAnyOtherState() {
        assertThat(running(BROKER, metrics(null, null, null)).reason())
                .isEqualTo("broker state is not published yet");
        assertThat(running(BROKER, metrics(1, "observer", 0)).reason())
                .isEqualTo("broker state is STARTING (1), not RUNNING");
        assertThat(running(BROKER, metrics(2, "observer", 0)).reason())
                .isEqualTo("broker state is RECOVERY (2), not RUNNING");
        assertThat(running(BROKER, metrics(6, "observer", 0)).reason())
                .contains("PENDING_CONTROLLED_SHUTDOWN");
        assertThat(running(BROKER, metrics(42, "observer", 0)).reason())
                .isEqualTo("broker state is unknown (42), not RUNNING");
        for (int state : new int[] {0, 1, 2, 6, 7, 127}) {
            assertThat(running(BROKER, metrics(state, "observer", 0)).ready()).isFalse();
        }
    }

    @Test
    void aControllerIsReadyAsLeaderOrFollowerOfAKnownLeader() {
        assertThat(running(CONTROLLER, metrics(null, "leader", 1)).ready()).isTrue();
        Readiness follower = running(CONTROLLER, metrics(null, "follower", 1));
        assertThat(follower.ready()).isTrue();
        assertThat(follower.reason()).isEqualTo("controller is follower (leader 1)");
    }

    @Test
    void aControllerIsNotReadyWithoutALeaderOrOutsideTheQuorum() {
        assertThat(running(CONTROLLER, metrics(null, null, null)).reason())
                .isEqualTo("KRaft metrics are not published yet");
        assertThat(running(CONTROLLER, metrics(null, "unattached", -1)).reason())
                .isEqualTo("controller knows no KRaft leader (state unattached)");
        assertThat(running(CONTROLLER, metrics(null, "follower", -1)).ready()).isFalse();
        for (String state :
                new String[] {
                    "candidate", "prospective", "voted", "unattached", "observer", "resigned"
                }) {
            Readiness readiness = running(CONTROLLER, metrics(null, state, 0));
            assertThat(readiness.ready()).as(state).isFalse();
            assertThat(readiness.reason()).contains(state);
        }
    }

    @Test
    void aCombinedNodeNeedsBothRolesReady() {
        assertThat(running(COMBINED, metrics(3, "follower", 0)).ready()).isTrue();
        assertThat(running(COMBINED, metrics(3, "follower", 0)).reason())
                .isEqualTo("broker is RUNNING; controller is follower (leader 0)");

        Readiness brokerStarting = running(COMBINED, metrics(1, "leader", 0));
        assertThat(brokerStarting.ready()).isFalse();
        assertThat(brokerStarting.reason()).isEqualTo("broker state is STARTING (1), not RUNNING");

        Readiness bothDown = running(COMBINED, metrics(1, "candidate", -1));
        assertThat(bothDown.reason())
                .isEqualTo(
                        "broker state is STARTING (1), not RUNNING;"
                                + " controller knows no KRaft leader (state candidate)");
    }

    @Test
    void followsTheLauncherPhase() {
        NodeMetrics allGood = metrics(3, "leader", 0);

        Readiness starting = ReadinessCheck.evaluate(LauncherPhase.STARTING, COMBINED, allGood);
        assertThat(starting.live()).isTrue();
        assertThat(starting.ready()).isFalse();

        Readiness stopping = ReadinessCheck.evaluate(LauncherPhase.STOPPING, COMBINED, allGood);
        assertThat(stopping.live()).isTrue();
        assertThat(stopping.ready()).isFalse();
        assertThat(stopping.reason()).isEqualTo("Kafka is shutting down");

        Readiness failed = ReadinessCheck.evaluate(LauncherPhase.FAILED, COMBINED, allGood);
        assertThat(failed.live()).isFalse();
        assertThat(failed.ready()).isFalse();
    }
}
