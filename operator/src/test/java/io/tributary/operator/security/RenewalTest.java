package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Renewal is due from expiry less the window on, and never for what already ends with its CA. */
class RenewalTest {
    private static final Instant NOT_AFTER = Instant.parse("2026-07-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void dueFromTheStartOfTheWindow() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        assertThat(Renewal.renewAt(NOT_AFTER, WINDOW)).isEqualTo(start);
        assertThat(Renewal.isDue(start.minusSeconds(1), NOT_AFTER, WINDOW)).isFalse();
        assertThat(Renewal.isDue(start, NOT_AFTER, WINDOW)).isTrue();
        assertThat(Renewal.isDue(NOT_AFTER.plusSeconds(1), NOT_AFTER, WINDOW))
                .as("expired")
                .isTrue();
    }

    @Test
    void aCertificateEndingWithItsCaWaitsForTheCa() {
        Instant inWindow = Instant.parse("2026-06-15T00:00:00Z");
        assertThat(Renewal.isDue(inWindow, NOT_AFTER, WINDOW, NOT_AFTER)).isFalse();
        assertThat(Renewal.isDue(inWindow, NOT_AFTER, WINDOW, NOT_AFTER.plusSeconds(1))).isTrue();
        assertThat(
                        Renewal.isDue(
                                inWindow.minus(WINDOW),
                                NOT_AFTER,
                                WINDOW,
                                NOT_AFTER.plusSeconds(1)))
                .isFalse();
    }
}
