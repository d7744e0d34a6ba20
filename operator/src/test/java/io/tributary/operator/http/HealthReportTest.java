package io.tributary.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.operator.http.HealthReport.InformerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Liveness and readiness from the informers' states. */
class HealthReportTest {

    @Test
    void aStartingOperatorIsAliveButNotReady() {
        HealthReport report = HealthReport.starting();

        assertThat(report.live()).isTrue();
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).containsExactly("starting: the informers are syncing");
    }

    @Test
    void aStartedOperatorWithHealthyInformersIsReady() {
        HealthReport report = HealthReport.of(List.of());

        assertThat(report.live()).isTrue();
        assertThat(report.ready()).isTrue();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void anInformerNotSyncedOrReconnectingMakesItUnreadyButAlive() {
        HealthReport report =
                HealthReport.of(
                        List.of(
                                new InformerState("kafkatopic", "Pod", "kafka", true, false, true),
                                new InformerState("kafkacluster", "Pod", "", true, true, false)));

        assertThat(report.live()).isTrue();
        assertThat(report.ready()).isFalse();
        assertThat(report.problems())
                .containsExactly(
                        "kafkatopic/Pod in kafka: not synced yet",
                        "kafkacluster/Pod: not watching (reconnecting)");
    }

    @Test
    void aStoppedInformerMakesItDead() {
        HealthReport report =
                HealthReport.of(
                        List.of(
                                new InformerState(
                                        "kafkacluster", "StatefulSet", null, false, true, false)));

        assertThat(report.live()).isFalse();
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).containsExactly("kafkacluster/StatefulSet: stopped");
    }

    @Test
    void aStoppingOperatorIsNeitherAliveNorReady() {
        assertThat(HealthReport.stopping().live()).isFalse();
        assertThat(HealthReport.stopping().ready()).isFalse();
    }
}
