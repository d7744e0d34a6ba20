package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.SecretKeyRef;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import io.tributary.api.v1alpha1.user.AclOperation;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.KafkaUserSpec;
import io.tributary.api.v1alpha1.user.UserAuthentication;
import io.tributary.api.v1alpha1.user.UserAuthenticationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The secure example cluster — TLS on every listener, SCRAM-SHA-512 and mutual-TLS listeners,
 * simple authorization — and its users, in order on one cluster: it comes up Ready; a SCRAM user
 * writes where its ACLs allow and nowhere else, and not with a wrong password; a TLS user reads
 * with its key store; a quota is set and throttles; a removed ACL is revoked; a deleted user can no
 * longer connect; and no password, key or JAAS line ever showed in a log line, an Event or a
 * status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureClusterIT {
    static final String CLUSTER = "secure-cluster";
    private static final String NAMESPACE = "secure-it";
    private static final String PRODUCER = "orders-producer";
    private static final String READER = "orders-reader";
    private static final String AUDITOR = "orders-auditor";
    private static final Duration READY = Duration.ofMinutes(2);

    private CapturedLogs logs;
    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;
    private SecureClients clients;
    private String scramBootstrap;
    private String mtlsBootstrap;
    private final Set<String> secrets = new LinkedHashSet<>();

    @BeforeAll
    void start() {
        logs = CapturedLogs.install();
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, NAMESPACE);
        clients =
                new SecureClients(
                        client, NAMESPACE, CLUSTER, Path.of("target", "secure-it-clients"));
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
        if (logs != null) {
            logs.uninstall();
        }
    }

    @Test
    @Order(1)
    void theSecureClusterComesUpReadyAndRefusesUnknownClients() throws Exception {
        clusters.create(Clusters.example("kafka-cluster-secure.yaml"));
        KafkaCluster ready = clusters.awaitReady(CLUSTER);
        scramBootstrap = ready.getStatus().getListeners().get(0).getBootstrapServers();
        mtlsBootstrap = ready.getStatus().getListeners().get(1).getBootstrapServers();
        assertThat(List.of(scramBootstrap, mtlsBootstrap))
                .containsExactly(
                        "secure-cluster-scram-bootstrap.secure-it.svc:9093",
                        "secure-cluster-mtls-bootstrap.secure-it.svc:9094");
        topic("orders");
        topic("payments");
        awaitReady(KafkaTopic.class, "orders");
        awaitReady(KafkaTopic.class, "payments");
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());

        Throwable unknown =
                catchThrowable(
                        () ->
                                SecureClients.produce(
                                        clients.scram(scramBootstrap, jaas("nobody", "wrong")),
                                        "orders",
                                        1,
                                        10));
        assertThat(SecureClients.chain(unknown))
                .anyMatch(SaslAuthenticationException.class::isInstance);
    }

    @Test
    @Order(2)
    void aScramUserWritesWhereItsAclsAllowAndNowhereElse() throws Exception {
        client.resource(user("kafka-user-orders-producer.yaml")).create();
        KafkaUser ready = awaitReady(KafkaUser.class, PRODUCER);
        assertThat(ready.getStatus().getUsername()).isEqualTo(PRODUCER);
        assertThat(ready.getStatus().getSecretName()).isEqualTo(PRODUCER);
        String password = clients.entry(PRODUCER, "password");
        assertThat(password).hasSize(32);
        Properties producer =
                clients.scram(scramBootstrap, clients.entry(PRODUCER, "sasl.jaas.config"));

        SecureClients.produce(producer, "orders", 20, 10);

        Throwable denied = catchThrowable(() -> SecureClients.produce(producer, "payments", 1, 10));
        assertThat(SecureClients.chain(denied))
                .anyMatch(TopicAuthorizationException.class::isInstance);
        Throwable wrongPassword =
                catchThrowable(
                        () ->
                                SecureClients.produce(
                                        clients.scram(
                                                scramBootstrap, jaas(PRODUCER, password + "x")),
                                        "orders",
                                        1,
                                        10));
        assertThat(SecureClients.chain(wrongPassword))
                .anyMatch(SaslAuthenticationException.class::isInstance);
        noteSecrets();
    }

    @Test
    @Order(3)
    void aTlsUserReadsWithItsKeyStore() {
        client.resource(user("kafka-user-tls.yaml")).create();
        KafkaUser ready = awaitReady(KafkaUser.class, READER);
        assertThat(ready.getStatus().getUsername()).isEqualTo(READER);
        assertThat(clients.entry(READER, "user.crt")).contains("BEGIN CERTIFICATE");

        List<String> read =
                SecureClients.consume(
                        clients.certificate(mtlsBootstrap, READER), "orders", READER + "-it", 20);

        assertThat(read).hasSize(20);
        Throwable notItsGroup =
                catchThrowable(
                        () ->
                                SecureClients.consume(
                                        clients.certificate(mtlsBootstrap, READER),
                                        "orders",
                                        "someone-else",
                                        1));
        assertThat(SecureClients.chain(notItsGroup))
                .anyMatch(
                        org.apache.kafka.common.errors.GroupAuthorizationException.class
                                ::isInstance);
        noteSecrets();
    }

    @Test
    @Order(4)
    void aQuotaIsVisibleInKafkaAndThrottles() throws Exception {
        edit(PRODUCER, u -> u.getSpec().getQuotas().setProducerByteRate(10_240L));
        awaitReady(KafkaUser.class, PRODUCER);
        try (Admin admin = Admin.create(clients.operator(3))) {
            assertThat(quotas(admin, PRODUCER)).isEqualTo(Map.of("producer_byte_rate", 10_240.0));
        }

        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        SecureClients.producer(
                                clients.scram(
                                        scramBootstrap,
                                        clients.entry(PRODUCER, "sasl.jaas.config"))))) {
            SecureClients.produce(producer, "orders", 500, 1024);
            double throttle =
                    producer.metrics().entrySet().stream()
                            .filter(e -> e.getKey().name().equals("produce-throttle-time-max"))
                            .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                            .max()
                            .orElse(0);
            assertThat(throttle).as("produce throttle time (ms)").isGreaterThan(0);
        }
    }

    @Test
    @Order(5)
    void removingAnAclAndAQuotaFromTheSpecRevokesThem() throws Exception {
        edit(
                PRODUCER,
                u -> {
                    u.getSpec()
                            .getAuthorization()
                            .getAcls()
                            .get(0)
                            .setOperations(List.of(AclOperation.DESCRIBE));
                    u.getSpec().setQuotas(null);
                });
        awaitReady(KafkaUser.class, PRODUCER);
        try (Admin admin = Admin.create(clients.operator(3))) {
            assertThat(quotas(admin, PRODUCER))
                    .as("the quota removed from the spec is removed from Kafka")
                    .isEmpty();
        }
        Properties producer =
                clients.scram(scramBootstrap, clients.entry(PRODUCER, "sasl.jaas.config"));

        Eventually.until(
                client,
                NAMESPACE,
                "the producer is denied on orders",
                READY,
                () ->
                        SecureClients.chain(
                                        catchThrowable(
                                                () ->
                                                        SecureClients.produce(
                                                                producer, "orders", 1, 10)))
                                .stream()
                                .anyMatch(TopicAuthorizationException.class::isInstance));
    }

    @Test
    @Order(6)
    void deletingTheUserRemovesItsCredentialsAclsAndQuotas() throws Exception {
        String jaas = clients.entry(PRODUCER, "sasl.jaas.config");
        client.resources(KafkaUser.class).inNamespace(NAMESPACE).withName(PRODUCER).delete();
        Eventually.until(
                client,
                NAMESPACE,
                "KafkaUser " + PRODUCER + " is gone",
                READY,
                () ->
                        client.resources(KafkaUser.class)
                                        .inNamespace(NAMESPACE)
                                        .withName(PRODUCER)
                                        .get()
                                == null);

        Throwable gone =
                catchThrowable(
                        () ->
                                SecureClients.produce(
                                        clients.scram(scramBootstrap, jaas), "orders", 1, 10));
        assertThat(SecureClients.chain(gone))
                .anyMatch(SaslAuthenticationException.class::isInstance);
        try (Admin admin = Admin.create(clients.operator(3))) {
            assertThat(
                            admin.describeAcls(
                                            new AclBindingFilter(
                                                    ResourcePatternFilter.ANY,
                                                    new AccessControlEntryFilter(
                                                            "User:" + PRODUCER,
                                                            null,
                                                            org.apache.kafka.common.acl.AclOperation
                                                                    .ANY,
                                                            AclPermissionType.ANY)))
                                    .values()
                                    .get(30, TimeUnit.SECONDS))
                    .isEmpty();
            assertThat(
                            admin.describeAcls(
                                            new AclBindingFilter(
                                                    ResourcePatternFilter.ANY,
                                                    new AccessControlEntryFilter(
                                                            "User:" + READER,
                                                            null,
                                                            org.apache.kafka.common.acl.AclOperation
                                                                    .ANY,
                                                            AclPermissionType.ANY)))
                                    .values()
                                    .get(30, TimeUnit.SECONDS))
                    .as("another user's ACLs stay")
                    .hasSize(3);
        }
    }

    @Test
    @Order(7)
    void aPasswordFromAReferencedSecretIsUsedAndItsChangeApplied() throws Exception {
        client.resource(passwords("first-Password-1234")).create();
        KafkaUser auditor = new KafkaUser();
        auditor.getMetadata().setName(AUDITOR);
        auditor.getMetadata().setNamespace(NAMESPACE);
        auditor.setSpec(new KafkaUserSpec());
        auditor.getSpec().setClusterRef(new ClusterRef(CLUSTER));
        UserAuthentication authentication = new UserAuthentication();
        authentication.setType(UserAuthenticationType.SCRAM_SHA_512);
        authentication.setPasswordSecretRef(new SecretKeyRef("app-passwords", AUDITOR));
        auditor.getSpec().setAuthentication(authentication);
        client.resource(auditor).create();
        awaitReady(KafkaUser.class, AUDITOR);
        assertThat(authenticates("first-Password-1234")).isTrue();
        noteSecrets();

        client.resource(passwords("second-Password-5678")).update();
        edit(
                AUDITOR,
                u -> {
                    Map<String, String> annotations = new java.util.HashMap<>();
                    if (u.getMetadata().getAnnotations() != null) {
                        annotations.putAll(u.getMetadata().getAnnotations());
                    }
                    annotations.put("kafka.tributary.io/refresh", "1");
                    u.getMetadata().setAnnotations(annotations);
                });

        Eventually.until(
                client,
                NAMESPACE,
                "the changed password works and the old one no longer does",
                READY,
                () ->
                        authenticates("second-Password-5678")
                                && !authenticates("first-Password-1234"));
        assertThat(clients.entry(AUDITOR, "password")).isEqualTo("second-Password-5678");
        noteSecrets();
    }

    private Secret passwords(String password) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("app-passwords")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(
                        Map.of(
                                AUDITOR,
                                Base64.getEncoder()
                                        .encodeToString(password.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    /** Whether the auditor logs in with the password (any authenticated user may list nodes). */
    private boolean authenticates(String password) throws Exception {
        Properties config = clients.scram(scramBootstrap, jaas(AUDITOR, password));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                return false;
            }
            throw e;
        }
    }

    @Test
    @Order(8)
    void noPasswordKeyOrJaasLineEverShowedInALogAnEventOrAStatus() {
        noteSecrets();
        assertThat(secrets).as("secrets seen during the run").hasSizeGreaterThanOrEqualTo(10);
        List<String> places = new ArrayList<>(logs.lines());
        client.v1()
                .events()
                .inNamespace(NAMESPACE)
                .list()
                .getItems()
                .forEach(e -> places.add("event " + e.getReason() + ": " + e.getMessage()));
        client.resources(KafkaCluster.class)
                .inNamespace(NAMESPACE)
                .list()
                .getItems()
                .forEach(c -> places.add(Serialization.asJson(c.getStatus())));
        client.resources(KafkaUser.class)
                .inNamespace(NAMESPACE)
                .list()
                .getItems()
                .forEach(u -> places.add(Serialization.asJson(u.getStatus())));
        assertThat(places).as("log lines, events and statuses").hasSizeGreaterThan(50);

        for (String place : places) {
            assertThat(place).doesNotContain("PRIVATE KEY-----").doesNotContain("ScramLoginModule");
            for (String secret : secrets) {
                assertThat(place)
                        .as("a secret in: %s", place.lines().findFirst().orElse(""))
                        .doesNotContain(secret);
            }
        }
    }

    private static Map<String, Double> quotas(Admin admin, String user) throws Exception {
        return admin
                .describeClientQuotas(
                        ClientQuotaFilter.containsOnly(
                                List.of(
                                        ClientQuotaFilterComponent.ofEntity(
                                                ClientQuotaEntity.USER, user))))
                .entities()
                .get(30, TimeUnit.SECONDS)
                .values()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }

    /** Remembers every password and key of the namespace's Secrets, to look for them later. */
    private void noteSecrets() {
        for (Secret secret : client.secrets().inNamespace(NAMESPACE).list().getItems()) {
            if (secret.getData() == null) {
                continue;
            }
            secret.getData()
                    .forEach(
                            (key, value) -> {
                                String text =
                                        new String(
                                                Base64.getDecoder().decode(value),
                                                StandardCharsets.UTF_8);
                                if (key.equals("password") || key.equals("user.password")) {
                                    secrets.add(text);
                                } else if (key.equals("sasl.jaas.config")) {
                                    secrets.add(text);
                                } else if (text.contains("PRIVATE KEY-----")) {
                                    String body =
                                            text.substring(
                                                    text.indexOf("PRIVATE KEY-----") + 16,
                                                    text.indexOf("-----END PRIVATE KEY"));
                                    body.lines()
                                            .filter(l -> l.length() >= 40)
                                            .forEach(secrets::add);
                                }
                            });
        }
    }

    private void topic(String name) {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName(name);
        topic.getMetadata().setNamespace(NAMESPACE);
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef(CLUSTER));
        spec.setPartitions(3);
        topic.setSpec(spec);
        client.resource(topic).create();
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user
                + "\" password=\""
                + password
                + "\";";
    }

    private KafkaUser user(String file) {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        try {
            KafkaUser user = Serialization.unmarshal(Files.readString(path), KafkaUser.class);
            user.getMetadata().setNamespace(NAMESPACE);
            return user;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void edit(String name, java.util.function.Consumer<KafkaUser> change) {
        Clusters.editRetrying(
                client.resources(KafkaUser.class).inNamespace(NAMESPACE).withName(name),
                u -> {
                    change.accept(u);
                    return u;
                });
    }

    private <
                    T extends
                            io.fabric8.kubernetes.client.CustomResource<
                                            ?, ? extends io.tributary.api.v1alpha1.ResourceStatus>>
            T awaitReady(Class<T> type, String name) {
        Eventually.until(
                client,
                NAMESPACE,
                type.getSimpleName() + " " + name + " Ready=True for its current generation",
                READY,
                () -> {
                    T resource = client.resources(type).inNamespace(NAMESPACE).withName(name).get();
                    return resource != null
                            && io.tributary.operator.status.StatusConditions.isReadyFor(
                                    resource.getStatus(), resource.getMetadata().getGeneration());
                });
        return client.resources(type).inNamespace(NAMESPACE).withName(name).get();
    }
}
