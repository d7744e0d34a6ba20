package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.NodeRole;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollProgressTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void noRollAndNothingToRestartIsNoRoll() {
        assertThat(RollProgress.observe(null, List.of(node("b-0", true, null)), NOW)).isNull();
    }

    @Test
    void aNodeToRestartStartsARollWithItsReason() {
        RollStatus roll =
                RollProgress.observe(
                        null,
                        List.of(
                                node("b-0", true, "broker configuration changed"),
                                node("b-1", true, "x")),
                        NOW);

        assertThat(roll.getReason()).isEqualTo("broker configuration changed");
        assertThat(roll.getStartedAt()).isEqualTo(NOW.toString());
        assertThat(roll.getPending()).containsExactly("b-0", "b-1");
        assertThat(roll.getRestarted()).isEmpty();
    }

    @Test
    void aReplacementThatIsReadyMovesFromRestartingToRestarted() {
        RollStatus previous =
                roll(List.of(), List.of("b-1"), List.of(new RestartingPod("b-0", "u0")));

        RollStatus roll =
                RollProgress.observe(
                        previous, List.of(node("b-0", true, null), node("b-1", true, "c")), NOW);

        assertThat(roll.getRestarted()).containsExactly("b-0");
        assertThat(roll.getRestarting()).isEmpty();
        assertThat(roll.getLastNodeBackAt()).isEqualTo(NOW.toString());
        assertThat(roll.getPending()).containsExactly("b-1");
        assertThat(previous.getRestarting()).as("the previous status is not changed").hasSize(1);
    }

    @Test
    void aPodAlreadyCountedAsRestartedIsNotCountedTwice() {
        // A status read before its own last write can hold the pod in both lists.
        RollStatus previous =
                roll(List.of("b-0"), List.of("b-1"), List.of(new RestartingPod("b-0", "u0")));

        RollStatus roll =
                RollProgress.observe(
                        previous, List.of(node("b-0", true, null), node("b-1", true, "c")), NOW);

        assertThat(roll.getRestarted()).containsExactly("b-0");
    }

    @Test
    void aReplacementNotReadyYetStaysRestartingAndIsNotPending() {
        RollStatus previous = roll(List.of(), List.of(), List.of(new RestartingPod("b-0", "u0")));

        RollStatus roll =
                RollProgress.observe(previous, List.of(node("b-0", false, "still old")), NOW);

        assertThat(roll.getRestarting()).extracting(RestartingPod::getPod).containsExactly("b-0");
        assertThat(roll.getPending()).isEmpty();
        assertThat(roll.getRestarted()).isEmpty();
    }

    @Test
    void aRestartIsRecordedWithTheDeletedPodsUid() {
        RollStatus roll = roll(List.of(), List.of("b-0", "b-1"), List.of());
        roll.setBlockedSince(NOW.minusSeconds(60).toString());

        RollStatus next =
                RollProgress.record(
                        roll,
                        new RollStep.Restart(List.of("b-0"), "config"),
                        Map.of("b-0", "u0"),
                        NOW);

        assertThat(next.getRestarting())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.getPod()).isEqualTo("b-0");
                            assertThat(r.getUid()).isEqualTo("u0");
                        });
        assertThat(next.getPending()).containsExactly("b-1");
        assertThat(next.getBlockedSince()).isNull();
        assertThat(next.getMessage()).isEqualTo("restarting b-0: config");
    }

    @Test
    void aSafetyWaitKeepsWhenItFirstBlocked() {
        RollStatus roll = roll(List.of(), List.of("b-0"), List.of());

        RollStatus first =
                RollProgress.record(roll, new RollStep.Wait("orders-0", true), Map.of(), NOW);
        RollStatus later =
                RollProgress.record(
                        first, new RollStep.Wait("orders-0", true), Map.of(), NOW.plusSeconds(30));

        assertThat(later.getBlockedSince()).isEqualTo(NOW.toString());
        assertThat(later.getMessage()).isEqualTo("orders-0");
    }

    @Test
    void aWaitForProgressIsNotABlock() {
        RollStatus roll = roll(List.of(), List.of("b-0"), List.of());
        roll.setBlockedSince(NOW.toString());

        RollStatus next =
                RollProgress.record(
                        roll, new RollStep.Wait("pod b-1 is starting", false), Map.of(), NOW);

        assertThat(next.getBlockedSince()).isNull();
    }

    @Test
    void doneEndsTheRoll() {
        assertThat(
                        RollProgress.record(
                                roll(List.of("b-0"), List.of(), List.of()),
                                new RollStep.Done(),
                                Map.of(),
                                NOW))
                .isNull();
    }

    @Test
    void aRollIsStalledOnlyAfterItsBound() {
        RollStatus roll = roll(List.of(), List.of("b-0"), List.of());
        roll.setBlockedSince(NOW.toString());

        assertThat(RollProgress.stalled(roll, Duration.ofMinutes(10), NOW.plusSeconds(599)))
                .isFalse();
        assertThat(RollProgress.stalled(roll, Duration.ofMinutes(10), NOW.plusSeconds(600)))
                .isTrue();
        roll.setBlockedSince(null);
        assertThat(RollProgress.stalled(roll, Duration.ofMinutes(10), NOW.plusSeconds(6000)))
                .isFalse();
        assertThat(RollProgress.stalled(null, Duration.ofMinutes(10), NOW)).isFalse();
    }

    private static NodeState node(String pod, boolean ready, String restartReason) {
        return new NodeState(
                pod,
                Integer.parseInt(pod.substring(pod.indexOf('-') + 1)),
                Set.of(NodeRole.BROKER),
                true,
                ready,
                Optional.ofNullable(restartReason),
                false,
                Optional.empty());
    }

    private static RollStatus roll(
            List<String> restarted, List<String> pending, List<RestartingPod> restarting) {
        RollStatus roll = new RollStatus();
        roll.setReason("config");
        roll.setStartedAt(NOW.minusSeconds(120).toString());
        roll.setRestarted(new ArrayList<>(restarted));
        roll.setPending(new ArrayList<>(pending));
        roll.setRestarting(new ArrayList<>(restarting));
        return roll;
    }
}
