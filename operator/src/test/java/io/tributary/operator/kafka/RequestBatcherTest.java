package io.tributary.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestBatcherTest {

    @Test
    void concurrentRequestsShareBatchesUpToTheLimit() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (RequestBatcher<Integer, String> batcher =
                new RequestBatcher<>(
                        "test",
                        keys -> {
                            batchSizes.add(keys.size());
                            Map<Integer, String> answers = new HashMap<>();
                            keys.forEach(k -> answers.put(k, "v" + k));
                            return answers;
                        },
                        100,
                        1000,
                        Duration.ofMillis(50))) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                answers.add(batcher.submit(i));
            }
            for (int i = 0; i < 250; i++) {
                assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("v" + i);
            }
        }
        assertThat(batchSizes).allMatch(n -> n <= 100);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
        assertThat(batchSizes.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void theSameKeyTwiceIsAskedOnceAndAnsweredTwice() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (RequestBatcher<Integer, String> batcher =
                new RequestBatcher<>(
                        "test",
                        keys -> {
                            batches.add(List.copyOf(keys));
                            return Map.of(7, "seven");
                        },
                        10,
                        10,
                        Duration.ofMillis(50))) {
            CompletableFuture<String> a = batcher.submit(7);
            CompletableFuture<String> b = batcher.submit(7);
            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("seven");
            assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("seven");
        }
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void aFailedBatchFailsItsRequestsAndTheNextBatchStillRuns() throws Exception {
        try (RequestBatcher<Integer, String> batcher =
                new RequestBatcher<>(
                        "test",
                        keys -> {
                            if (keys.contains(1)) {
                                throw new IllegalStateException("broker gone");
                            }
                            return Map.of(2, "two");
                        },
                        1,
                        10,
                        Duration.ZERO)) {
            CompletableFuture<String> failed = batcher.submit(1);
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("broker gone");
            assertThat(batcher.submit(2).get(5, TimeUnit.SECONDS)).isEqualTo("two");
            assertThatThrownBy(() -> batcher.submit(3).get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("no answer for 3");
        }
    }
}
