package io.tributary.operator.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaAssignmentTest {

    @Test
    void addedReplicasGoToRacksThePartitionDoesNotUseYet() {
        // Brokers 0 and 1 share rack a; 2 is alone in rack b.
        Map<Integer, Optional<String>> brokers =
                Map.of(0, Optional.of("a"), 1, Optional.of("a"), 2, Optional.of("b"));

        Map<Integer, List<Integer>> moves =
                ReplicaAssignment.changeFactor(List.of(List.of(0)), 2, brokers);

        assertThat(moves).containsEntry(0, List.of(0, 2));
    }

    @Test
    void addedReplicasGoToTheLeastLoadedBrokerWithoutRacks() {
        Map<Integer, Optional<String>> brokers =
                Map.of(0, Optional.empty(), 1, Optional.empty(), 2, Optional.empty());

        Map<Integer, List<Integer>> moves =
                ReplicaAssignment.changeFactor(
                        List.of(List.of(0), List.of(0), List.of(1)), 2, brokers);

        assertThat(moves)
                .containsEntry(0, List.of(0, 2))
                .containsEntry(1, List.of(0, 1))
                .containsEntry(2, List.of(1, 2));
        Map<Integer, Integer> load = new HashMap<>();
        moves.values().forEach(r -> r.forEach(b -> load.merge(b, 1, Integer::sum)));
        assertThat(load.values()).allMatch(n -> n == 2);
    }

    @Test
    void aLowerFactorDropsReplicasFromTheEndKeepingTheLeader() {
        Map<Integer, List<Integer>> moves =
                ReplicaAssignment.changeFactor(
                        List.of(List.of(2, 0, 1), List.of(1, 2)),
                        1,
                        Map.of(0, Optional.empty(), 1, Optional.empty(), 2, Optional.empty()));

        assertThat(moves).containsEntry(0, List.of(2)).containsEntry(1, List.of(1));
    }

    @Test
    void partitionsAlreadyAtTheFactorAreNotMoved() {
        Map<Integer, List<Integer>> moves =
                ReplicaAssignment.changeFactor(
                        List.of(List.of(0, 1), List.of(1)),
                        2,
                        Map.of(0, Optional.empty(), 1, Optional.empty(), 2, Optional.empty()));

        assertThat(moves).containsOnlyKeys(1);
    }

    @Test
    void newPartitionsSpreadTheirLeaders() {
        Map<Integer, Optional<String>> brokers =
                Map.of(0, Optional.of("a"), 1, Optional.of("b"), 2, Optional.of("c"));

        Map<Integer, List<Integer>> added =
                ReplicaAssignment.newPartitions(List.of(List.of(0, 1, 2)), 4, 3, brokers);

        assertThat(added).containsOnlyKeys(1, 2, 3);
        assertThat(added.values()).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1, 2, 0);
        assertThat(added.values())
                .allSatisfy(r -> assertThat(r).doesNotHaveDuplicates().hasSize(3));
    }

    @Test
    void tooFewBrokersIsAnError() {
        assertThatThrownBy(
                        () ->
                                ReplicaAssignment.changeFactor(
                                        List.of(List.of(0)),
                                        3,
                                        Map.of(0, Optional.empty(), 1, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not enough brokers");
    }

    @Test
    void theSamePlanEveryTime() {
        Map<Integer, Optional<String>> brokers = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            brokers.put(i, Optional.of("zone-" + (i % 3)));
        }
        List<List<Integer>> current = List.of(List.of(0), List.of(1), List.of(2), List.of(3));

        assertThat(ReplicaAssignment.changeFactor(current, 3, brokers))
                .isEqualTo(ReplicaAssignment.changeFactor(current, 3, Map.copyOf(brokers)));
    }
}
