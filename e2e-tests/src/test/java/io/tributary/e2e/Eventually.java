package io.tributary.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waits for a condition; on timeout fails with the namespace's diagnostics. */
final class Eventually {
    private Eventually() {}

    static void until(
            KubernetesClient client,
            String namespace,
            String what,
            Duration timeout,
            Callable<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        Throwable last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception | AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        AssertionError failure =
                new AssertionError(
                        "Timed out after "
                                + timeout.toSeconds()
                                + "s waiting for "
                                + what
                                + "\n"
                                + Diagnostics.of(client, namespace));
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }
}
