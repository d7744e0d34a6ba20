package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns many single requests from many reconciler threads into few Admin calls: requests wait a
 * moment for company, then go together, up to a batch size, through one call of the batch function.
 * The queue is bounded and a full queue makes the caller wait, so a burst of thousands of resources
 * slows reconciles down instead of dropping work or exhausting memory.
 *
 * @param <K> what a request asks about, for example a topic name
 * @param <V> the answer for one request
 */
public final class RequestBatcher<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBatcher.class);

    private record Request<K, V>(K key, CompletableFuture<V> answer) {}

    private final BlockingQueue<Request<K, V>> queue;
    private final Function<List<K>, Map<K, V>> batch;
    private final int maxBatch;
    private final Duration linger;
    private final Thread dispatcher;
    private volatile boolean running = true;

    /**
     * @param batch answers a batch of keys; a key it leaves out, or an exception it throws, fails
     *     those requests
     */
    public RequestBatcher(
            String name,
            Function<List<K>, Map<K, V>> batch,
            int maxBatch,
            int queueCapacity,
            Duration linger) {
        this.batch = batch;
        this.maxBatch = maxBatch;
        this.linger = linger;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.dispatcher = new Thread(this::dispatch, name);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Queues a request, waiting while the queue is full. */
    public CompletableFuture<V> submit(K key) throws InterruptedException {
        CompletableFuture<V> answer = new CompletableFuture<>();
        queue.put(new Request<>(key, answer));
        return answer;
    }

    private void dispatch() {
        while (running) {
            try {
                Request<K, V> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Request<K, V>> requests = new ArrayList<>();
                requests.add(first);
                long deadline = System.nanoTime() + linger.toNanos();
                while (requests.size() < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    Request<K, V> next =
                            wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    requests.add(next);
                }
                answer(requests);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void answer(List<Request<K, V>> requests) {
        Map<K, List<CompletableFuture<V>>> byKey = new LinkedHashMap<>();
        for (Request<K, V> request : requests) {
            byKey.computeIfAbsent(request.key(), k -> new ArrayList<>()).add(request.answer());
        }
        try {
            Map<K, V> answers = batch.apply(new ArrayList<>(byKey.keySet()));
            byKey.forEach(
                    (key, futures) -> {
                        V value = answers.get(key);
                        for (CompletableFuture<V> future : futures) {
                            if (value == null && !answers.containsKey(key)) {
                                future.completeExceptionally(
                                        new IllegalStateException("no answer for " + key));
                            } else {
                                future.complete(value);
                            }
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debug("Batch of {} failed: {}", byKey.size(), e.toString());
            byKey.values().forEach(fs -> fs.forEach(f -> f.completeExceptionally(e)));
        }
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        Request<K, V> left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("closed"));
        }
    }
}
