package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the result of an Admin call (or of a batch of them) within the operator's Kafka
 * timeout, turning a failure or a timeout into a {@link KafkaUnavailableException} that says what
 * happened.
 */
public final class AdminCall {
    private final Duration timeout;

    public AdminCall(Duration timeout) {
        this.timeout = timeout;
    }

    public <T> T get(Future<T> future) throws InterruptedException, KafkaUnavailableException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KafkaUnavailableException(
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("no answer within " + timeout.toSeconds() + "s", e);
        }
    }
}
