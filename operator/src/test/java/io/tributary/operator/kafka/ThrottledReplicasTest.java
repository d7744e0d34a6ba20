package io.tributary.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottledReplicasTest {
    @Test
    void sourcesAreEveryCurrentReplicaAndFollowersTheAddedOnes() {
        ThrottledReplicas replicas =
                ThrottledReplicas.of(
                        List.of(List.of(0), List.of(1), List.of(2)),
                        Map.of(0, List.of(0, 1, 2), 1, List.of(1, 2, 0), 2, List.of(2, 0, 1)));

        assertThat(replicas.leader()).isEqualTo("0:0,1:1,2:2");
        assertThat(replicas.follower()).isEqualTo("0:1,0:2,1:0,1:2,2:0,2:1");
        assertThat(replicas.configs())
                .containsOnlyKeys(
                        ThrottledReplicas.LEADER_REPLICAS, ThrottledReplicas.FOLLOWER_REPLICAS);
    }

    @Test
    void aPartitionWhoseReplicasDoNotChangeIsNotThrottled() {
        ThrottledReplicas replicas =
                ThrottledReplicas.of(
                        List.of(List.of(0, 1), List.of(1, 2)),
                        Map.of(0, List.of(0, 1), 1, List.of(1, 2, 0)));

        assertThat(replicas.leader()).isEqualTo("1:1,1:2");
        assertThat(replicas.follower()).isEqualTo("1:0");
    }

    @Test
    void aMoveThatOnlyDropsReplicasCopiesNothing() {
        ThrottledReplicas replicas =
                ThrottledReplicas.of(List.of(List.of(0, 1, 2)), Map.of(0, List.of(0, 1)));

        assertThat(replicas.follower()).isEmpty();
        assertThat(replicas.leader()).isEqualTo("0:0,0:1,0:2");
        assertThat(replicas.configs()).containsOnlyKeys(ThrottledReplicas.LEADER_REPLICAS);
    }

    @Test
    void noMovesNoThrottle() {
        ThrottledReplicas replicas =
                ThrottledReplicas.of(List.of(List.of(0, 1)), Map.of(0, List.of(0, 1)));

        assertThat(replicas.isEmpty()).isTrue();
        assertThat(replicas.configs()).isEmpty();
    }

    @Test
    void theOrderIsStableWhateverTheMapsOrder() {
        ThrottledReplicas a =
                ThrottledReplicas.of(
                        List.of(List.of(2, 0), List.of(1, 0)),
                        Map.of(1, List.of(1, 0, 2), 0, List.of(2, 0, 1)));
        ThrottledReplicas b =
                ThrottledReplicas.of(
                        List.of(List.of(2, 0), List.of(1, 0)),
                        new java.util.TreeMap<>(Map.of(0, List.of(2, 0, 1), 1, List.of(1, 0, 2))));

        assertThat(a).isEqualTo(b);
        assertThat(a.leader()).isEqualTo("0:0,0:2,1:0,1:1");
    }
}
