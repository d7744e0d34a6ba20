package io.tributary.operator.topic;

import io.tributary.operator.kafka.KafkaUnavailableException;
import java.time.Duration;

/**
 * A value asked of Kafka that many reconciles share for a short while, so that thousands of topics
 * cost one call instead of thousands.
 */
final class Expiring<T> {
    /** Asks Kafka for the value. */
    interface Source<T> {
        T get() throws KafkaUnavailableException, InterruptedException;
    }

    private final Duration ttl;
    private T value;
    private long fetchedAt;

    Expiring(Duration ttl) {
        this.ttl = ttl;
    }

    synchronized T get(Source<T> source) throws KafkaUnavailableException, InterruptedException {
        long now = System.nanoTime();
        if (value == null || now - fetchedAt > ttl.toNanos()) {
            value = source.get();
            fetchedAt = now;
        }
        return value;
    }

    synchronized void invalidate() {
        value = null;
    }
}
