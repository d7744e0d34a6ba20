package io.tributary.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka client for tests: creates topics, sends numbered records with acks=all, reads them all
 * back.
 */
final class KafkaRoundTrip implements AutoCloseable {
    private final String bootstrap;
    private Admin admin;

    KafkaRoundTrip(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void createTopic(String name, int partitions, int replicationFactor, int minIsr)
            throws Exception {
        admin().createTopics(
                        List.of(
                                new NewTopic(name, partitions, (short) replicationFactor)
                                        .configs(
                                                Map.of(
                                                        "min.insync.replicas",
                                                        Integer.toString(minIsr)))))
                .all()
                .get(60, TimeUnit.SECONDS);
    }

    /**
     * Sends records {@code first..first+count-1} with an idempotent acks=all producer; each must be
     * acknowledged.
     */
    void produce(String topic, int first, int count) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("delivery.timeout.ms", "120000");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "record-" + i)));
            }
            for (var send : sends) {
                send.get(120, TimeUnit.SECONDS);
            }
        }
    }

    /** Every record of the topic, from the beginning. */
    List<String> consumeAll(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "round-trip-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty() && !values.isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
