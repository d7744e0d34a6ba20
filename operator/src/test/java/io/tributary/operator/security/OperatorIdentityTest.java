package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.kafka.KafkaAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How every reconciler reaches a cluster's brokers: plainly, or as the operator's identity. */
class OperatorIdentityTest {
    private static final String REPLICATION =
            "production-brokers-0.production-brokers.kafka.svc.cluster.local:9091,"
                    + "production-brokers-1.production-brokers.kafka.svc.cluster.local:9091,"
                    + "production-brokers-2.production-brokers.kafka.svc.cluster.local:9091";

    @Test
    void aClusterWithoutSecurityIsReachedPlainly() {
        KafkaCluster plain = BrokerSecurityConfigTest.example("kafka-cluster.yaml");
        Optional<KafkaAccess> access =
                OperatorIdentity.access(plain, "cluster.local", name -> Optional.empty());
        assertThat(access).isPresent();
        assertThat(access.get().properties()).isEmpty();
        assertThat(access.get().bootstrap()).contains("my-cluster-brokers-0").endsWith(":9091");
    }

    @Test
    void aSecuredClusterIsReachedWithTheIdentityInItsSecretOnceThere() {
        KafkaCluster secured = BrokerSecurityConfigTest.example("kafka-cluster-production.yaml");
        assertThat(OperatorIdentity.access(secured, "cluster.local", name -> Optional.empty()))
                .as("not before the Secret exists")
                .isEmpty();

        CertificateIssuer issuer = new CertificateIssuer();
        CertifiedKey ca =
                issuer.certificateAuthority("ca", CertificateIssuerTest.NOW, Duration.ofDays(9));
        CertifiedKey identity =
                issuer.issue(
                        ca,
                        ClusterTls.OPERATOR_SUBJECT,
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        CertificateIssuerTest.NOW,
                        Duration.ofDays(1));
        String trusted = Pem.certificate(ca.certificate());
        Secret secret =
                SecretData.secret(
                        "production-operator-credentials",
                        "kafka",
                        Map.of(),
                        Map.of(),
                        OperatorIdentity.entries(identity, trusted));

        KafkaAccess access =
                OperatorIdentity.access(
                                secured,
                                "cluster.local",
                                name ->
                                        name.equals("production-operator-credentials")
                                                ? Optional.of(secret)
                                                : Optional.empty())
                        .orElseThrow();

        assertThat(access.bootstrap()).isEqualTo(REPLICATION);
        assertThat(access.properties())
                .isEqualTo(OperatorIdentity.clientProperties(identity, trusted))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", trusted);
        assertThat(access.toString())
                .as("the text of the connection settings names keys, never the key")
                .contains("ssl.keystore.key")
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(
                        Pem.privateKey(identity.key()).lines().skip(1).findFirst().orElseThrow());
    }
}
