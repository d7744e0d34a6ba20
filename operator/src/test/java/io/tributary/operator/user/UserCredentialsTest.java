package io.tributary.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.security.CertificateIssuer;
import io.tributary.operator.security.CertifiedKey;
import io.tributary.operator.security.SecretData;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a user's Secret holds: passwords, the JAAS line, the certificate and its PKCS12 store. */
class UserCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final UserCredentials credentials = new UserCredentials(new SecureRandom());

    @Test
    void passwordsAre32RandomLettersAndDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = credentials.newPassword();
            assertThat(password).hasSize(32).matches("[A-Za-z0-9]+");
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void theScramSecretHoldsThePasswordAndAReadyJaasLine() {
        KafkaUser user = UserSpecValidatorTest.user("kafka-user-scram.yaml");
        Secret secret =
                UserCredentials.secret(user, UserCredentials.scramData("orders-service", "p4ss"));
        assertThat(SecretData.all(secret))
                .containsEntry("password", "p4ss")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"orders-service\" password=\"p4ss\";");
        assertThat(secret.getMetadata().getName()).isEqualTo("orders-service");
        assertThat(secret.getMetadata().getOwnerReferences().get(0).getKind())
                .isEqualTo("KafkaUser");
        assertThat(secret.getMetadata().getLabels())
                .containsEntry(UserCredentials.USER_LABEL, "orders-service");
        assertThat(UserCredentials.jaasConfig("a\"b", "c\\d"))
                .contains("username=\"a\\\"b\" password=\"c\\\\d\"");
    }

    @Test
    void theTlsSecretHoldsAPkcs12StoreThatOpensWithItsPasswordAndIsKeptWhileTheCertificateIs()
            throws Exception {
        CertificateIssuer issuer = new CertificateIssuer();
        CertifiedKey ca = issuer.certificateAuthority("clients-ca", NOW, Duration.ofDays(365));
        CertifiedKey cert =
                issuer.issue(
                        ca,
                        "CN=alice",
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(30));
        KafkaUser user = UserSpecValidatorTest.user("kafka-user-scram.yaml");
        Secret secret =
                UserCredentials.secret(user, credentials.tlsData("alice", cert, Optional.empty()));

        Map<String, String> data = secret.getData();
        String password = SecretData.get(secret, "user.password").orElseThrow();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(
                new ByteArrayInputStream(Base64.getDecoder().decode(data.get("user.p12"))),
                password.toCharArray());
        assertThat(store.getCertificate("alice")).isEqualTo(cert.certificate());
        assertThat(store.getKey("alice", password.toCharArray())).isEqualTo(cert.key());
        assertThat(UserCredentials.certificate(Optional.of(secret))).contains(cert);

        Map<String, String> again = credentials.tlsData("alice", cert, Optional.of(secret));
        assertThat(again).isEqualTo(data);
        CertifiedKey renewed =
                issuer.issue(
                        ca,
                        "CN=alice",
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(30));
        assertThat(credentials.tlsData("alice", renewed, Optional.of(secret)).get("user.p12"))
                .isNotEqualTo(data.get("user.p12"));
    }
}
