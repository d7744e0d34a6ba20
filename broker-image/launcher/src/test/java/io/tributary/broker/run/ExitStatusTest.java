package io.tributary.broker.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's exit status for each way Kafka ends. */
class ExitStatusTest {
    @Test
    void aRequestedStopEndsWithZero() {
        assertThat(ExitStatus.of(0, true)).isZero();
    }

    @Test
    void aStopNobodyAskedForIsAFailure() {
        assertThat(ExitStatus.of(0, false)).isEqualTo(ExitStatus.UNREQUESTED_STOP).isNotZero();
    }

    @Test
    void aFailureKeepsKafkasStatus() {
        assertThat(ExitStatus.of(1, false)).isEqualTo(1);
        assertThat(ExitStatus.of(1, true)).isEqualTo(1);
        assertThat(ExitStatus.of(3, true)).isEqualTo(3);
    }
}
