package io.tributary.sandbox.controller;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's work queue and its single worker thread, as Kubernetes controllers have them: keys
 * are queued by informer events, each key is reconciled at most once at a time, a key queued again
 * while queued runs once, and a failed reconcile is retried after a delay.
 */
public final class ControlLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String name;
    private final Consumer<String> reconcile;
    private final ScheduledExecutorService worker;
    private final Set<String> queued = new LinkedHashSet<>();

    public ControlLoop(String name, Consumer<String> reconcile) {
        this.name = name;
        this.reconcile = reconcile;
        this.worker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "sandbox-" + name);
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Queues a key (namespace/name) for reconciliation. */
    public void enqueue(String key) {
        enqueueAfter(key, Duration.ZERO);
    }

    public void enqueueAfter(String key, Duration delay) {
        synchronized (queued) {
            if (delay.isZero() && !queued.add(key)) {
                return;
            }
        }
        if (delay.isZero()) {
            submit(key, 0);
        } else {
            worker.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void submit(String key, long delayMillis) {
        if (worker.isShutdown()) {
            return;
        }
        worker.schedule(
                () -> {
                    synchronized (queued) {
                        queued.remove(key);
                    }
                    try {
                        reconcile.accept(key);
                    } catch (RuntimeException e) {
                        LOG.debug("{} {} failed, retrying: {}", name, key, e.toString());
                        enqueueAfter(key, RETRY);
                    }
                },
                delayMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code namespace/name}, the key of a namespaced object. */
    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
