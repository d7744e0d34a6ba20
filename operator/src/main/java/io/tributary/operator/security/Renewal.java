package io.tributary.operator.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate is renewed: once {@code now} reaches its expiry less the renewal window. Pure.
 */
public final class Renewal {
    private Renewal() {}

    /** The moment the certificate is due for renewal. */
    public static Instant renewAt(Instant notAfter, Duration renewBefore) {
        return notAfter.minus(renewBefore);
    }

    /** Whether the certificate is due for renewal at {@code now}. */
    public static boolean isDue(Instant now, Instant notAfter, Duration renewBefore) {
        return !now.isBefore(renewAt(notAfter, renewBefore));
    }

    /**
     * Whether a certificate signed by a CA is due: it is in its window, unless it already ends with
     * its CA, so that a new one would end no later. Such a certificate is renewed when its CA is.
     */
    public static boolean isDue(
            Instant now, Instant notAfter, Duration renewBefore, Instant caNotAfter) {
        return isDue(now, notAfter, renewBefore) && notAfter.isBefore(caNotAfter);
    }
}
