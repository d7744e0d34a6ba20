package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CAs and the certificates they sign: subjects, names, usages, validity, and PEM round trips. */
class CertificateIssuerTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final CertificateIssuer issuer = new CertificateIssuer();

    @Test
    void aCaIsSelfSignedForCertificateSigningAndValidForItsValidity() throws Exception {
        CertifiedKey ca = issuer.certificateAuthority("c-cluster-ca", NOW, Duration.ofDays(365));
        X509Certificate cert = ca.certificate();
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getSubjectX500Principal().getName())
                .isEqualTo("CN=c-cluster-ca,O=io.tributary");
        assertThat(CertificateIssuer.signedBy(cert, cert)).isTrue();
        assertThat(ca.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(1)));
    }

    @Test
    void aNodeCertificateCarriesItsNamesAndBothUsagesAndTheNodePrincipal() throws Exception {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(365));
        CertifiedKey node =
                issuer.issue(
                        ca,
                        ClusterTls.NODE_SUBJECT,
                        List.of("p-0.p.ns.svc.cluster.local", "c-plain-bootstrap.ns.svc"),
                        CertificateIssuer.Usage.SERVER_AND_CLIENT,
                        NOW,
                        Duration.ofDays(30));
        X509Certificate cert = node.certificate();
        assertThat(LeafRenewal.dnsNames(cert))
                .containsExactly("p-0.p.ns.svc.cluster.local", "c-plain-bootstrap.ns.svc");
        assertThat(cert.getExtendedKeyUsage())
                .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat("User:" + cert.getSubjectX500Principal().getName())
                .as("the principal Kafka derives, which super.users names")
                .isEqualTo(ClusterTls.NODE_PRINCIPAL);
        assertThat(CertificateIssuer.signedBy(cert, ca.certificate())).isTrue();
        assertThat(node.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aClientCertificateIsForClientsOnlyAndTheOperatorIsItsPrincipal() throws Exception {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(365));
        CertifiedKey operator =
                issuer.issue(
                        ca,
                        ClusterTls.OPERATOR_SUBJECT,
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(30));
        assertThat(operator.certificate().getExtendedKeyUsage())
                .containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(operator.certificate().getSubjectAlternativeNames()).isNull();
        assertThat("User:" + operator.certificate().getSubjectX500Principal().getName())
                .isEqualTo(ClusterTls.OPERATOR_PRINCIPAL);
    }

    @Test
    void aCertificateNeverOutlivesItsCa() {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(10));
        CertifiedKey leaf =
                issuer.issue(
                        ca,
                        "CN=alice",
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(365));
        assertThat(leaf.notAfter()).isEqualTo(ca.notAfter());
    }

    @Test
    void anotherCaDidNotSignIt() {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(10));
        CertifiedKey other = issuer.certificateAuthority("ca", NOW, Duration.ofDays(10));
        CertifiedKey leaf =
                issuer.issue(
                        ca,
                        "CN=alice",
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(1));
        assertThat(CertificateIssuer.signedBy(leaf.certificate(), other.certificate()))
                .as("same subject, other key")
                .isFalse();
    }

    @Test
    void pemRoundTripsKeysAndCertificatesAndKafkaKeyStoreFilesHoldBoth() {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(10));
        String pem = ca.keyStorePem();
        assertThat(pem)
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .contains("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.parseCertificate(pem)).isEqualTo(ca.certificate());
        assertThat(Pem.parsePrivateKey(pem)).isEqualTo(ca.key());
        assertThat(CaSecrets.matches(ca.certificate(), Pem.parsePrivateKey(pem))).isTrue();
    }

    @Test
    void badPemIsRefusedWithoutQuotingIt() {
        String secretLooking =
                "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldA==\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Pem.parsePrivateKey(secretLooking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("c2VjcmV0")
                .hasNoCause();
        assertThatThrownBy(() -> Pem.parseCertificate("no certificate here"))
                .hasMessage("no PEM certificate found");
    }

    @Test
    void theTextOfAKeyPairNeverShowsTheKey() {
        CertifiedKey ca = issuer.certificateAuthority("ca", NOW, Duration.ofDays(10));
        assertThat(ca.toString())
                .contains("CN=ca")
                .doesNotContain(Pem.privateKey(ca.key()).lines().skip(1).findFirst().orElseThrow());
    }
}
