package io.tributary.e2e;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients of a secured cluster, configured as an application would be from the Secrets the
 * operator writes: the cluster CA from {@code <cluster>-cluster-ca-cert}, a SCRAM user's JAAS line
 * or a TLS user's PKCS12 key store from the user's Secret, and the operator's own identity for
 * checks only a super user may make.
 */
final class SecureClients {
    private final KubernetesClient client;
    private final String namespace;
    private final String cluster;
    private final Path workDir;

    SecureClients(KubernetesClient client, String namespace, String cluster, Path workDir) {
        this.client = client;
        this.namespace = namespace;
        this.cluster = cluster;
        this.workDir = workDir;
    }

    /** A text entry of a Secret of the namespace. */
    String entry(String secret, String key) {
        Secret s = client.secrets().inNamespace(namespace).withName(secret).get();
        if (s == null || s.getData() == null || !s.getData().containsKey(key)) {
            throw new IllegalStateException("no " + key + " in Secret " + secret);
        }
        return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    /** A SCRAM-SHA-512 client of the listener at {@code bootstrap}, with this JAAS line. */
    Properties scram(String bootstrap, String jaas) {
        Properties p = tls(bootstrap);
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas);
        return p;
    }

    /** A client with the key store of a TLS user's Secret. */
    Properties certificate(String bootstrap, String user) {
        Properties p = tls(bootstrap);
        Path store = workDir.resolve(user + "-" + UUID.randomUUID() + ".p12");
        try {
            Files.createDirectories(workDir);
            Secret s = client.secrets().inNamespace(namespace).withName(user).get();
            Files.write(store, Base64.getDecoder().decode(s.getData().get("user.p12")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", store.toString());
        p.put("ssl.keystore.password", entry(user, "user.password"));
        return p;
    }

    /**
     * The operator's own identity (a super user) on the replication listener: for the checks a test
     * makes behind the users' backs.
     */
    Properties operator(int brokers) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            addresses.add(
                    "%s-brokers-%d.%s-brokers.%s.svc.cluster.local:9091"
                            .formatted(cluster, i, cluster, namespace));
        }
        String secret = cluster + "-operator-credentials";
        Properties p = tls(String.join(",", addresses));
        p.put("ssl.truststore.certificates", entry(secret, "ca.crt"));
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", entry(secret, "user.crt"));
        p.put("ssl.keystore.key", entry(secret, "user.key"));
        return p;
    }

    private Properties tls(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SSL");
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.certificates", entry(cluster + "-cluster-ca-cert", "ca.crt"));
        return p;
    }

    static Properties producer(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("acks", "all");
        p.put("enable.idempotence", "false");
        p.put("max.block.ms", "30000");
        p.put("delivery.timeout.ms", "60000");
        p.put("request.timeout.ms", "15000");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return p;
    }

    /** Sends the records and waits for every acknowledgement; throws what the client threw. */
    static void produce(Properties client, String topic, int count, int valueBytes)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(client))) {
            produce(producer, topic, count, valueBytes);
        }
    }

    static void produce(
            KafkaProducer<String, String> producer, String topic, int count, int valueBytes)
            throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        String padding = "x".repeat(Math.max(0, valueBytes));
        for (int i = 0; i < count; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, i + padding)));
        }
        for (Future<?> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
    }

    /** Consumes in the group until {@code expected} records or a timeout. */
    static List<String> consume(Properties client, String topic, String group, int expected) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("group.id", group);
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && values.size() < expected) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    /** The exception and its causes, outermost first. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
