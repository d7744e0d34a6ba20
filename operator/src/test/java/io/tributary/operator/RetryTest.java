package io.tributary.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.GenericRetryExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconcilers' retry: it backs off, never past a minute, and never gives up. */
class RetryTest {
    @Test
    void aResourceThatKeepsFailingIsRetriedForeverAtMostAMinuteApart() {
        GenericRetryExecution execution = TributaryOperator.retry().initExecution();
        List<Long> delays = new ArrayList<>();
        for (int failure = 0; failure < 100; failure++) {
            Optional<Long> next = execution.nextDelay();
            assertThat(next).as("delay after failure %d", failure + 1).isPresent();
            delays.add(next.get());
        }

        assertThat(delays.get(10)).isGreaterThan(delays.get(0));
        assertThat(delays).allMatch(d -> d <= 60_000);
        assertThat(delays.get(99)).isEqualTo(60_000);
    }
}
