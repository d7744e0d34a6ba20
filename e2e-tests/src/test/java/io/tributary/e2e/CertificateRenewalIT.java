package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.cluster.CertificatesSpec;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.AclResource;
import io.tributary.api.v1alpha1.user.AclResourceType;
import io.tributary.api.v1alpha1.user.AclRule;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.status.StatusConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Node certificates valid for five minutes and renewed three minutes before they expire: the
 * operator renews them every two minutes, and each renewal rolls the nodes onto the new
 * certificates through the safe roll while a client keeps producing over TLS, without one failed
 * send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateRenewalIT {
    private static final String CLUSTER = "secure-cluster";
    private static final String NAMESPACE = "renewal-it";
    private static final String USER = "orders-producer";
    private static final String ANNOTATION = "kafka.tributary.io/certificates";

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, NAMESPACE);
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void renewedCertificatesRollTheNodesWithoutAFailedSend() throws Exception {
        KafkaCluster cluster = Clusters.example("kafka-cluster-secure.yaml");
        CertificatesSpec certificates = new CertificatesSpec();
        certificates.setValidity("5m");
        certificates.setRenewBefore("3m");
        cluster.getSpec().setCertificates(certificates);
        clusters.create(cluster);
        String bootstrap =
                clusters.awaitReady(CLUSTER)
                        .getStatus()
                        .getListeners()
                        .get(0)
                        .getBootstrapServers();
        client.resource(topic()).create();
        client.resource(user()).create();
        awaitReady(KafkaTopic.class, "orders");
        awaitReady(KafkaUser.class, USER);
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        SecureClients clients =
                new SecureClients(client, NAMESPACE, CLUSTER, Path.of("target", "renewal-it"));
        Properties config = clients.scram(bootstrap, clients.entry(USER, "sasl.jaas.config"));
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());

        try (ContinuousProducer producer = new ContinuousProducer(config, "orders")) {
            Set<String> before = certificateHashes();
            String batch = batch();
            Eventually.until(
                    client,
                    NAMESPACE,
                    "every node restarted onto renewed certificates and is ready",
                    Duration.ofMinutes(6),
                    () -> {
                        Set<String> now = certificateHashes();
                        return !batch.equals(batch())
                                && now.size() == 1
                                && before.stream().noneMatch(now::contains)
                                && client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                                        .allMatch(CertificateRenewalIT::ready);
                    });
            producer.stop();

            assertThat(producer.failures()).as("failed sends").isEmpty();
            assertThat(producer.acknowledged()).hasSizeGreaterThan(100);
        }
        assertThat(client.v1().events().inNamespace(NAMESPACE).list().getItems())
                .anySatisfy(
                        e -> assertThat(e.getMessage()).startsWith("node certificates renewed"));
    }

    /** The certificate hashes the cluster's pods run with. */
    private Set<String> certificateHashes() {
        return client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .map(p -> p.getMetadata().getAnnotations().getOrDefault(ANNOTATION, ""))
                .collect(Collectors.toSet());
    }

    private String batch() {
        return client.secrets()
                .inNamespace(NAMESPACE)
                .withName(CLUSTER + "-node-certs")
                .get()
                .getMetadata()
                .getAnnotations()
                .get("kafka.tributary.io/certificates-batch");
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private KafkaTopic topic() {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName("orders");
        topic.getMetadata().setNamespace(NAMESPACE);
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef(CLUSTER));
        spec.setPartitions(3);
        spec.setConfig(Map.of("min.insync.replicas", "2"));
        topic.setSpec(spec);
        return topic;
    }

    private KafkaUser user() throws Exception {
        Path path =
                Path.of(
                        System.getProperty("tributary.root", ".."),
                        "examples",
                        "kafka-user-orders-producer.yaml");
        KafkaUser user = Serialization.unmarshal(Files.readString(path), KafkaUser.class);
        user.getMetadata().setNamespace(NAMESPACE);
        user.getSpec().setQuotas(null);
        AclResource cluster = new AclResource();
        cluster.setType(AclResourceType.CLUSTER);
        AclRule idempotence = new AclRule();
        idempotence.setResource(cluster);
        idempotence.setOperations(List.of(AclOperation.IDEMPOTENT_WRITE));
        user.getSpec().getAuthorization().getAcls().add(idempotence);
        return user;
    }

    private <
                    T extends
                            io.fabric8.kubernetes.client.CustomResource<
                                            ?, ? extends io.tributary.api.v1alpha1.ResourceStatus>>
            void awaitReady(Class<T> type, String name) {
        Eventually.until(
                client,
                NAMESPACE,
                type.getSimpleName() + " " + name + " Ready",
                Duration.ofMinutes(2),
                () -> {
                    T resource = client.resources(type).inNamespace(NAMESPACE).withName(name).get();
                    return resource != null
                            && StatusConditions.isReadyFor(
                                    resource.getStatus(), resource.getMetadata().getGeneration());
                });
    }
}
