package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.operator.status.StatusConditions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconciliationPauseTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "' true ',true", "false,false", "yes,false", "'',false"})
    void onlyTrueMeansPaused(String value, boolean paused) {
        assertThat(
                        ReconciliationPause.isPaused(
                                cluster(Map.of(ReconciliationPause.ANNOTATION, value))))
                .isEqualTo(paused);
    }

    @Test
    void noAnnotationsIsNotPaused() {
        assertThat(ReconciliationPause.isPaused(cluster(null))).isFalse();
        assertThat(ReconciliationPause.isPaused(cluster(Map.of("other", "true")))).isFalse();
    }

    @Test
    void aConvergedGenerationStaysReadyWhilePaused() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        StatusConditions.ready(status, 3, "ready", NOW);

        ReconciliationPause.markPaused(status, 3, NOW.plusSeconds(60));

        assertThat(status.findCondition("Ready").orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.TRUE);
        assertThat(status.findCondition("Ready").orElseThrow().getLastTransitionTime())
                .isEqualTo(NOW.toString());
        assertThat(status.findCondition(ReconciliationPause.CONDITION).orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.TRUE);
        assertThat(status.getObservedGeneration()).isEqualTo(3);
    }

    @Test
    void aNewGenerationIsObservedAndStalledWhilePaused() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        StatusConditions.ready(status, 3, "ready", NOW);

        ReconciliationPause.markPaused(status, 4, NOW);

        assertThat(status.findCondition("Ready").orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.FALSE);
        assertThat(status.findCondition("Stalled").orElseThrow().getStatus())
                .isEqualTo(ConditionStatus.TRUE);
        assertThat(status.findCondition("Stalled").orElseThrow().getReason())
                .isEqualTo(ReconciliationPause.CONDITION);
        assertThat(status.getObservedGeneration()).isEqualTo(4);
    }

    @Test
    void resumingDropsTheCondition() {
        KafkaClusterStatus status = new KafkaClusterStatus();
        ReconciliationPause.markPaused(status, 1, NOW);

        ReconciliationPause.markResumed(status);

        assertThat(status.findCondition(ReconciliationPause.CONDITION)).isEmpty();
    }

    private static KafkaCluster cluster(Map<String, String> annotations) {
        KafkaCluster cluster = new KafkaCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withName("c").withAnnotations(annotations).build());
        return cluster;
    }
}
