package io.tributary.broker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dedupe buffer rule at small, large and odd heaps. */
class DedupeBufferSizingTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void takesAnEighthOfASmallHeap() {
        assertThat(DedupeBufferSizing.forHeap(256 * MIB, 1)).isEqualTo(32 * MIB);
        assertThat(DedupeBufferSizing.forHeap(128 * MIB, 1)).isEqualTo(16 * MIB);
    }

    @Test
    void keepsKafkasDefaultForLargeHeaps() {
        assertThat(DedupeBufferSizing.forHeap(1024 * MIB, 1)).isEqualTo(128 * MIB);
        assertThat(DedupeBufferSizing.forHeap(8192 * MIB, 1)).isEqualTo(128 * MIB);
        assertThat(DedupeBufferSizing.forHeap(Long.MAX_VALUE, 1)).isEqualTo(128 * MIB);
    }

    @Test
    void neverGoesBelowWhatKafkaAcceptsPerCleanerThread() {
        assertThat(DedupeBufferSizing.forHeap(8 * MIB, 1)).isEqualTo(2 * MIB);
        assertThat(DedupeBufferSizing.forHeap(64 * MIB, 8)).isEqualTo(16 * MIB);
        assertThat(DedupeBufferSizing.forHeap(64 * MIB, 0)).isEqualTo(8 * MIB);
    }

    @Test
    void alwaysLeavesMoreThanOneMibPerThread() {
        for (int threads = 1; threads <= 16; threads++) {
            for (long heap = MIB; heap <= 4096 * MIB; heap *= 2) {
                assertThat(DedupeBufferSizing.forHeap(heap, threads) / threads).isGreaterThan(MIB);
            }
        }
    }
}
