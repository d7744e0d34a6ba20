package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
 * simple authorization — comes up Ready, and clients reach it only with credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureClusterIT {
    static final String CLUSTER = "secure-cluster";

    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "secure-it");
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    @Order(1)
    void theSecureClusterComesUpReady() throws Exception {
        clusters.create(Clusters.example("kafka-cluster-secure.yaml"));
        KafkaCluster ready = clusters.awaitReady(CLUSTER);
        assertThat(ready.getStatus().getListeners())
                .extracting(l -> l.getBootstrapServers())
                .containsExactly(
                        "secure-cluster-scram-bootstrap.secure-it.svc:9093",
                        "secure-cluster-mtls-bootstrap.secure-it.svc:9094");
        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        Map<String, Object> props = new HashMap<>();
        props.put(
                "bootstrap.servers", ready.getStatus().getListeners().get(0).getBootstrapServers());
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"nobody\" password=\"wrong\";");
        props.put("ssl.truststore.type", "PEM");
        props.put(
                "ssl.truststore.certificates", secretEntry(CLUSTER + "-cluster-ca-cert", "ca.crt"));
        try (Admin admin = Admin.create(props)) {
            var failure =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS));
            assertThat(failure)
                    .hasRootCauseInstanceOf(
                            org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
    }

    private String secretEntry(String secret, String key) {
        Secret s = client.secrets().inNamespace(clusters.namespace()).withName(secret).get();
        return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
}
