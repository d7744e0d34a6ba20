package io.tributary.broker.config;

/**
 * Sizes the log cleaner's dedupe buffer to the JVM heap when the config leaves it unset.
 *
 * <p>Kafka allocates {@code log.cleaner.dedupe.buffer.size} (128 MiB by default) up front when the
 * cleaner starts, which kills a broker with a 128–256 MiB heap. The rule: an eighth of the max
 * heap, at most Kafka's default (so brokers with a heap of 1 GiB or more behave exactly like stock
 * Kafka) and at least 2 MiB per cleaner thread (Kafka refuses 1 MiB or less per thread).
 */
public final class DedupeBufferSizing {
    public static final long KAFKA_DEFAULT = 128L * 1024 * 1024;
    static final long MIN_PER_THREAD = 2L * 1024 * 1024;

    private DedupeBufferSizing() {}

    public static long forHeap(long maxHeapBytes, int cleanerThreads) {
        long floor = MIN_PER_THREAD * Math.max(1, cleanerThreads);
        long share = maxHeapBytes / 8;
        return Math.max(floor, Math.min(KAFKA_DEFAULT, share));
    }
}
