package io.tributary.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An application that never stops writing: an idempotent {@code acks=all} producer sending numbered
 * records as fast as a modest application would, remembering which were acknowledged, which failed,
 * and the longest time between two acknowledgements.
 */
final class ContinuousProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Thread thread;
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong longestStallNanos = new AtomicLong();
    private volatile boolean running = true;

    ContinuousProducer(KafkaClients clients, String topic) {
        this(clients.producerConfig(), topic);
    }

    /** A producer with these client properties (bootstrap, security, serializers, acks). */
    ContinuousProducer(Properties config, String topic) {
        Properties props = new Properties();
        props.putAll(config);
        // Ride out a broker restart: keep retrying well past the time a node takes to come back.
        props.put("delivery.timeout.ms", "180000");
        props.put("request.timeout.ms", "15000");
        props.put("linger.ms", "5");
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.thread = new Thread(this::run, "continuous-producer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long sequence = 0;
        while (running) {
            String value = "record-" + sequence++;
            producer.send(
                    new ProducerRecord<>(topic, Long.toString(sequence % 16), value),
                    (metadata, error) -> {
                        if (error != null) {
                            failures.add(value + ": " + error);
                            return;
                        }
                        long now = System.nanoTime();
                        long previous = lastAckNanos.getAndSet(now);
                        longestStallNanos.accumulateAndGet(now - previous, Math::max);
                        acknowledged.add(value);
                    });
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops sending and waits for every record sent to be acknowledged or failed. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        producer.flush();
    }

    List<String> acknowledged() {
        return new ArrayList<>(acknowledged);
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    Duration longestStall() {
        return Duration.ofNanos(longestStallNanos.get());
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
