package io.tributary.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real Kafka clients against a cluster's bootstrap address, as an application would use them. */
final class KafkaClients implements AutoCloseable {
    private final String bootstrap;
    private final Admin admin;

    KafkaClients(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    Admin admin() {
        return admin;
    }

    void createTopic(String name, int partitions, int replicationFactor, int minIsr)
            throws Exception {
        admin.createTopics(
                        List.of(
                                new NewTopic(name, partitions, (short) replicationFactor)
                                        .configs(
                                                Map.of(
                                                        "min.insync.replicas",
                                                        Integer.toString(minIsr)))))
                .all()
                .get(60, TimeUnit.SECONDS);
    }

    Properties producerConfig() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        return props;
    }

    /**
     * Sends {@code count} records with an idempotent acks=all producer and waits for every ack. One
     * request in flight: to a topic created a moment before, a first batch refused by a broker that
     * does not know yet it leads the partition left the Kafka 4.4 producer retrying the batches
     * behind it with OUT_OF_ORDER_SEQUENCE_NUMBER for the whole minute ScalingIT waited.
     */
    void produce(String topic, String prefix, int count) throws Exception {
        Properties config = producerConfig();
        config.put("max.in.flight.requests.per.connection", "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, prefix + i)));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Consumes as a member of the group, committing offsets, until {@code expected} records or a
     * timeout.
     */
    List<String> consumeAsGroup(String topic, String group, int expected, String isolation) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", group);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", isolation);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int quietPolls = 0;
            while (System.nanoTime() < deadline && (values.size() < expected || quietPolls < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.value());
                }
                consumer.commitSync();
            }
        }
        return values;
    }

    List<String> consumeAll(String topic, String isolation, int expected) {
        return consumeAsGroup(topic, "reader-" + UUID.randomUUID(), expected, isolation);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
