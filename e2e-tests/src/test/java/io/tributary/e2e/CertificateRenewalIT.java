package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
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
import io.tributary.operator.security.CertificateIssuer;
import io.tributary.operator.security.CertifiedKey;
import io.tributary.operator.security.Pem;
import io.tributary.operator.status.StatusConditions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Certificates renewed under a client that keeps producing over TLS, on a cluster signed by the
 * test's own CA: node certificates valid for six minutes and renewed three minutes before they
 * expire roll the nodes onto new certificates without one failed send. (Replacing the CA itself
 * goes through three rolls; its phases are planned by {@code CaRenewal}, unit-tested, and are not
 * run here: three more rolls would cost the suite several minutes and, with certificates this
 * short, a slow machine lets a certificate expire before the roll reaches its node.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateRenewalIT {
    private static final String CLUSTER = "secure-cluster";
    private static final String NAMESPACE = "renewal-it";
    private static final String USER = "orders-producer";
    private static final String CA_SECRET = "our-cluster-ca";
    private static final String ANNOTATION = "kafka.tributary.io/certificates";
    private static final Instant NOW = Instant.now();
    private static final CertificateIssuer ISSUER = new CertificateIssuer();
    private static final CertifiedKey FIRST_CA =
            ISSUER.certificateAuthority("our-ca-1", NOW, Duration.ofDays(30));
    private static final CertifiedKey SECOND_CA =
            ISSUER.certificateAuthority("our-ca-2", NOW, Duration.ofDays(60));

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private Properties producerConfig;

    @BeforeAll
    void start() throws Exception {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, NAMESPACE);
        client.resource(caSecret(FIRST_CA)).create();
        KafkaCluster cluster = Clusters.example("kafka-cluster-secure.yaml");
        CertificatesSpec certificates = new CertificatesSpec();
        // Renewed three minutes after issue, leaving three for the roll before the old
        // certificates expire (with two and two, a roll under the suite's load finished 6 s before
        // they
        // did), and three before the renewed ones are due in turn.
        certificates.setValidity("6m");
        certificates.setRenewBefore("3m");
        certificates.setClusterCaSecret(CA_SECRET);
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
        producerConfig = clients.scram(bootstrap, clients.entry(USER, "sasl.jaas.config"));
        // A client that was given the next CA ahead of the change, as its owner would be.
        producerConfig.put(
                "ssl.truststore.certificates",
                Pem.certificates(List.of(FIRST_CA.certificate(), SECOND_CA.certificate())));
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        producerConfig.put("key.serializer", StringSerializer.class.getName());
        producerConfig.put("value.serializer", StringSerializer.class.getName());
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    @Order(1)
    void renewedNodeCertificatesRollTheNodesWithoutAFailedSend() throws Exception {
        try (ContinuousProducer producer = new ContinuousProducer(producerConfig, "orders")) {
            Set<String> before = certificateHashes();
            String batch = batch();
            Eventually.until(
                    client,
                    NAMESPACE,
                    "every node restarted onto renewed certificates and is ready",
                    Duration.ofMinutes(8),
                    () -> !batch.equals(batch()) && settledOnANewHash(before));
            producer.stop();

            assertThat(producer.failures()).as("failed sends").isEmpty();
            assertThat(producer.acknowledged()).hasSizeGreaterThan(100);
        }
        assertThat(client.v1().events().inNamespace(NAMESPACE).list().getItems())
                .anySatisfy(
                        e -> assertThat(e.getMessage()).startsWith("node certificates renewed"));
        assertThat(CertificateIssuer.signedBy(node(0), FIRST_CA.certificate())).isTrue();
    }

    /** Every pod ready and started with the same hash, none of {@code before}. */
    private boolean settledOnANewHash(Set<String> before) {
        List<Pod> pods = client.pods().inNamespace(NAMESPACE).list().getItems();
        Set<String> now =
                pods.stream()
                        .map(p -> p.getMetadata().getAnnotations().getOrDefault(ANNOTATION, ""))
                        .collect(Collectors.toSet());
        return pods.size() == 3
                && now.size() == 1
                && before.stream().noneMatch(now::contains)
                && pods.stream().allMatch(CertificateRenewalIT::ready);
    }

    private Set<String> certificateHashes() {
        return client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                .map(p -> p.getMetadata().getAnnotations().getOrDefault(ANNOTATION, ""))
                .collect(Collectors.toSet());
    }

    private String batch() {
        return secret(CLUSTER + "-node-certs")
                .getMetadata()
                .getAnnotations()
                .get("kafka.tributary.io/certificates-batch");
    }

    private X509Certificate node(int ordinal) {
        return Pem.parseCertificate(
                entry(secret(CLUSTER + "-node-certs"), CLUSTER + "-brokers-" + ordinal + ".pem"));
    }

    private Secret secret(String name) {
        return client.secrets().inNamespace(NAMESPACE).withName(name).get();
    }

    private static String entry(Secret secret, String key) {
        return new String(
                Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static Secret caSecret(CertifiedKey ca) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(CA_SECRET)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(
                        Map.of(
                                "ca.crt", encode(Pem.certificate(ca.certificate())),
                                "ca.key", encode(Pem.privateKey(ca.key()))))
                .build();
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
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
