package io.tributary.sandbox.benchmark;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The application a roll must not disturb: an idempotent {@code acks=all} producer writing about
 * 500 records a second, counting acknowledgements and failures and the longest gap between two
 * acknowledgements.
 */
final class BenchmarkProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Thread thread;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastAck = new AtomicLong();
    private final AtomicLong longestStall = new AtomicLong();
    private volatile boolean running;

    BenchmarkProducer(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("delivery.timeout.ms", "180000");
        props.put("request.timeout.ms", "15000");
        props.put("linger.ms", "5");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.thread = new Thread(this::run, "benchmark-producer");
        thread.setDaemon(true);
    }

    void start() {
        running = true;
        lastAck.set(System.nanoTime());
        thread.start();
    }

    private void run() {
        long sequence = 0;
        while (running) {
            long n = sequence++;
            producer.send(
                    new ProducerRecord<>(topic, Long.toString(n % 64), "record-" + n),
                    (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                            return;
                        }
                        long now = System.nanoTime();
                        longestStall.accumulateAndGet(now - lastAck.getAndSet(now), Math::max);
                        acknowledged.incrementAndGet();
                    });
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        producer.flush();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failures() {
        return failures.get();
    }

    Duration longestStall() {
        return Duration.ofNanos(longestStall.get());
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
