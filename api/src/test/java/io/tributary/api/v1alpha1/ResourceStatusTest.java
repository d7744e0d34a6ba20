package io.tributary.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceStatusTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");

    @Test
    void newConditionGetsTheTimeToTheSecond() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setCondition(ready(ConditionStatus.FALSE, "Creating", 1L), T0);
        Condition ready = status.findCondition(Condition.READY).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(ready.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void sameStatusKeepsTheTransitionTimeButTakesTheNewReasonAndGeneration() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setCondition(ready(ConditionStatus.FALSE, "Creating", 1L), T0);
        status.setCondition(ready(ConditionStatus.FALSE, "WaitingForPods", 2L), T1);
        Condition ready = status.findCondition(Condition.READY).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(ready.getReason()).isEqualTo("WaitingForPods");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
        assertThat(status.getConditions()).hasSize(1);
    }

    @Test
    void changedStatusMovesTheTransitionTime() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setCondition(ready(ConditionStatus.FALSE, "Creating", 1L), T0);
        status.setCondition(ready(ConditionStatus.TRUE, "Ready", 1L), T1);
        assertThat(status.findCondition(Condition.READY).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-01-01T10:05:00Z");
    }

    @Test
    void conditionsOfOtherTypesAreLeftAloneAndCanBeRemoved() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setCondition(ready(ConditionStatus.FALSE, "Creating", 1L), T0);
        status.setCondition(
                new Condition(Condition.RECONCILING, ConditionStatus.TRUE, "Creating", "", 1L), T0);
        status.removeCondition(Condition.RECONCILING);
        assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready");
        assertThat(status.findCondition(Condition.STALLED)).isEmpty();
    }

    private static Condition ready(ConditionStatus value, String reason, long generation) {
        return new Condition(Condition.READY, value, reason, "message", generation);
    }
}
