package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.cluster.CertificatesSpec;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A secured cluster's certificates over its life, against Secrets kept in a map: creation, stable
 * reconciles, a new node, renewal of node certificates, the three phases of a CA replacement, and
 * the user's own CA.
 */
class ClusterCertificatesTest {
    private static final Instant NOW = CertificateIssuerTest.NOW;
    private final ClusterCertificates certificates =
            new ClusterCertificates(new CertificateIssuer());
    private final Map<String, Secret> stored = new HashMap<>();
    private final Map<String, Secret> provided = new HashMap<>();

    @Test
    void theFirstReconcileMakesBothCasAndACertificatePerNodeAndOneForTheOperator() {
        ClusterModel model = production();
        ClusterCertificates.Secured secured = reconcile(model, List.of(), NOW);

        assertThat(secured.secrets())
                .extracting(s -> s.getMetadata().getName())
                .containsExactly(
                        "production-cluster-ca",
                        "production-cluster-ca-cert",
                        "production-clients-ca",
                        "production-clients-ca-cert",
                        "production-node-certs",
                        "production-operator-credentials");
        assertThat(secured.secrets())
                .allSatisfy(
                        s -> {
                            assertThat(s.getMetadata().getOwnerReferences().get(0).getName())
                                    .isEqualTo("production");
                            assertThat(s.getMetadata().getLabels())
                                    .containsEntry("kafka.tributary.io/cluster", "production");
                        });
        assertThat(SecretData.all(stored.get("production-node-certs")).keySet())
                .containsExactly(
                        "production-brokers-0.pem",
                        "production-brokers-1.pem",
                        "production-brokers-2.pem",
                        "production-controllers-0.pem",
                        "production-controllers-1.pem",
                        "production-controllers-2.pem");
        X509Certificate broker0 = node("production-brokers-0");
        assertThat(LeafRenewal.dnsNames(broker0))
                .contains(
                        "production-brokers-0.production-brokers.kafka.svc.cluster.local",
                        "production-internal-bootstrap.kafka.svc",
                        "production-mtls-bootstrap.kafka.svc.cluster.local");
        assertThat(LeafRenewal.dnsNames(node("production-controllers-1")))
                .containsExactly(
                        "production-controllers-1.production-controllers.kafka.svc.cluster.local",
                        "production-controllers-1.production-controllers.kafka.svc");
        assertThat(CertificateIssuer.signedBy(broker0, clusterCa())).isTrue();
        assertThat(SecretData.get(stored.get("production-cluster-ca-cert"), "ca.crt"))
                .hasValueSatisfying(
                        pem -> assertThat(Pem.parseCertificates(pem)).containsExactly(clusterCa()));
        assertThat(SecretData.all(stored.get("production-cluster-ca-cert")))
                .as("what clients mount holds no key")
                .containsOnlyKeys("ca.crt");
        assertThat(stored.get("production-operator-credentials").getMetadata().getLabels())
                .containsEntry(OperatorIdentity.LABEL, OperatorIdentity.LABEL_VALUE);
        assertThat(secured.operatorProperties())
                .containsEntry("security.protocol", "SSL")
                .containsKeys(
                        "ssl.keystore.key",
                        "ssl.keystore.certificate.chain",
                        "ssl.truststore.certificates");
        assertThat(secured.hash()).hasSize(16);
        assertThat(secured.nextCheck())
                .contains(broker0.getNotAfter().toInstant().minus(Duration.ofDays(30)));
        assertThat(secured.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void laterReconcilesChangeNothing() {
        ClusterModel model = production();
        ClusterCertificates.Secured first = reconcile(model, List.of(), NOW);
        Map<String, Secret> before = new TreeMap<>(stored);

        ClusterCertificates.Secured again =
                reconcile(model, List.of(), NOW.plus(Duration.ofDays(1)));

        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(again.changes()).isEmpty();
        assertThat(new TreeMap<>(stored)).isEqualTo(before);
    }

    @Test
    void aNewBrokerGetsItsCertificateWithoutRollingTheOthers() {
        ClusterCertificates.Secured first = reconcile(production(), List.of(), NOW);
        X509Certificate broker0 = node("production-brokers-0");
        KafkaCluster bigger = BrokerSecurityConfigTest.example("kafka-cluster-production.yaml");
        bigger.getSpec().getBrokers().setReplicas(4);

        ClusterCertificates.Secured scaled =
                reconcile(BrokerSecurityConfigTest.model(bigger), List.of(), NOW);

        assertThat(scaled.hash()).isEqualTo(first.hash());
        assertThat(node("production-brokers-0")).isEqualTo(broker0);
        assertThat(node("production-brokers-3")).isNotNull();
        assertThat(scaled.changes())
                .containsExactly("node certificates issued for production-brokers-3");
    }

    @Test
    void nodeCertificatesAreRenewedTogetherInTheirWindowAndTheHashChanges() {
        ClusterModel model = production();
        ClusterCertificates.Secured first = reconcile(model, List.of(), NOW);
        X509Certificate broker0 = node("production-brokers-0");
        Instant due = broker0.getNotAfter().toInstant().minus(Duration.ofDays(30));

        ClusterCertificates.Secured renewed = reconcile(model, List.of(), due);

        assertThat(renewed.hash()).isNotEqualTo(first.hash());
        assertThat(node("production-brokers-0").getNotAfter().toInstant())
                .isEqualTo(due.plus(Duration.ofDays(365)));
        assertThat(node("production-controllers-2").getNotAfter())
                .isEqualTo(node("production-brokers-0").getNotAfter());
        assertThat(renewed.changes())
                .anySatisfy(c -> assertThat(c).startsWith("node certificates renewed"));
    }

    @Test
    void aClusterCaReplacementTrustsThenSignsThenDropsOnlyAsTheNodesFollow() {
        KafkaCluster cluster = BrokerSecurityConfigTest.example("kafka-cluster-production.yaml");
        CertificatesSpec spec = new CertificatesSpec();
        spec.setCaValidity("4000h");
        spec.setCaRenewBefore("1000h");
        cluster.getSpec().setCertificates(spec);
        ClusterModel model = BrokerSecurityConfigTest.model(cluster);
        ClusterCertificates.Secured created = reconcile(model, List.of(), NOW);
        X509Certificate oldCa = clusterCa();
        Instant due = oldCa.getNotAfter().toInstant().minus(Duration.ofHours(1000));

        ClusterCertificates.Secured trusting = reconcile(model, pods(model, created.hash()), due);
        assertThat(trustedClusterCas()).hasSize(2).contains(oldCa);
        assertThat(clusterCa()).as("the old CA still signs").isEqualTo(oldCa);
        assertThat(CertificateIssuer.signedBy(node("production-brokers-0"), oldCa)).isTrue();
        assertThat(trusting.hash()).isNotEqualTo(created.hash());
        assertThat(trusting.operatorProperties().get("ssl.truststore.certificates"))
                .isEqualTo(
                        SecretData.get(stored.get("production-cluster-ca-cert"), "ca.crt")
                                .orElseThrow());

        assertThat(reconcile(model, pods(model, created.hash()), due).hash())
                .as("nodes still run the old trust: nothing moves")
                .isEqualTo(trusting.hash());

        ClusterCertificates.Secured signing = reconcile(model, pods(model, trusting.hash()), due);
        X509Certificate newCa = clusterCa();
        assertThat(newCa).isNotEqualTo(oldCa);
        assertThat(trustedClusterCas()).containsExactlyInAnyOrder(oldCa, newCa);
        assertThat(CertificateIssuer.signedBy(node("production-controllers-0"), newCa)).isTrue();
        assertThat(CertificateIssuer.signedBy(operatorCertificate(), newCa)).isTrue();
        assertThat(signing.hash()).isNotEqualTo(trusting.hash());

        ClusterCertificates.Secured dropped = reconcile(model, pods(model, signing.hash()), due);
        assertThat(trustedClusterCas()).containsExactly(newCa);
        assertThat(dropped.hash()).isNotEqualTo(signing.hash());
        assertThat(reconcile(model, pods(model, dropped.hash()), due).changes()).isEmpty();
    }

    @Test
    void aNodeThatIsNotReadyHoldsTheReplacementBack() {
        KafkaCluster cluster = BrokerSecurityConfigTest.example("kafka-cluster-production.yaml");
        CertificatesSpec spec = new CertificatesSpec();
        spec.setCaValidity("4000h");
        spec.setCaRenewBefore("1000h");
        cluster.getSpec().setCertificates(spec);
        ClusterModel model = BrokerSecurityConfigTest.model(cluster);
        reconcile(model, List.of(), NOW);
        Instant due = clusterCa().getNotAfter().toInstant().minus(Duration.ofHours(1000));
        ClusterCertificates.Secured trusting = reconcile(model, List.of(), due);
        List<Pod> pods = pods(model, trusting.hash());
        pods.get(0).getStatus().getConditions().get(0).setStatus("False");

        assertThat(reconcile(model, pods, due).hash()).isEqualTo(trusting.hash());
        assertThat(reconcile(model, pods.subList(1, pods.size()), due).hash())
                .as("a missing pod too")
                .isEqualTo(trusting.hash());
    }

    @Test
    void theUsersOwnCaSignsTheNodesAndAMissingOrBadOneIsRefused() {
        KafkaCluster cluster = BrokerSecurityConfigTest.example("kafka-cluster-production.yaml");
        CertificatesSpec spec = new CertificatesSpec();
        spec.setClusterCaSecret("my-ca");
        cluster.getSpec().setCertificates(spec);
        ClusterModel model = BrokerSecurityConfigTest.model(cluster);

        assertThat(refusal(model).reason()).isEqualTo("CaSecretNotFound");
        assertThat(refusal(model).message()).contains("spec.certificates.clusterCaSecret", "my-ca");

        CertificateIssuer issuer = new CertificateIssuer();
        CertifiedKey own = issuer.certificateAuthority("my-ca", NOW, Duration.ofDays(3650));
        CertifiedKey leaf =
                issuer.issue(
                        own,
                        "CN=leaf",
                        List.of(),
                        CertificateIssuer.Usage.CLIENT,
                        NOW,
                        Duration.ofDays(1));
        provided.put(
                "my-ca",
                userSecret(Pem.certificate(leaf.certificate()), Pem.privateKey(leaf.key())));
        assertThat(refusal(model).reason()).isEqualTo("CaSecretInvalid");
        assertThat(refusal(model).message()).contains("is not a CA certificate");
        provided.put(
                "my-ca",
                userSecret(Pem.certificate(own.certificate()), Pem.privateKey(leaf.key())));
        assertThat(refusal(model).message()).contains("ca.key is not the key of the certificate");
        provided.put("my-ca", userSecret(Pem.certificate(own.certificate()), "garbage"));
        assertThat(refusal(model).message())
                .contains("ca.key is not an unencrypted PEM private key");
        assertThat(stored).as("nothing written while refused").isEmpty();

        provided.put(
                "my-ca", userSecret(Pem.certificate(own.certificate()), Pem.privateKey(own.key())));
        reconcile(model, List.of(), NOW);
        assertThat(clusterCa()).isEqualTo(own.certificate());
        assertThat(CertificateIssuer.signedBy(node("production-brokers-1"), own.certificate()))
                .isTrue();
    }

    private ClusterCertificates.Secured reconcile(ClusterModel model, List<Pod> pods, Instant now) {
        ClusterCertificates.Result result =
                certificates.reconcile(
                        model,
                        name -> Optional.ofNullable(stored.get(name)),
                        name -> Optional.ofNullable(provided.get(name)),
                        pods,
                        now);
        assertThat(result).isInstanceOf(ClusterCertificates.Secured.class);
        ClusterCertificates.Secured secured = (ClusterCertificates.Secured) result;
        secured.secrets().forEach(s -> stored.put(s.getMetadata().getName(), s));
        return secured;
    }

    private io.tributary.operator.status.Problem refusal(ClusterModel model) {
        ClusterCertificates.Result result =
                certificates.reconcile(
                        model,
                        name -> Optional.ofNullable(stored.get(name)),
                        name -> Optional.ofNullable(provided.get(name)),
                        List.of(),
                        NOW);
        assertThat(result).isInstanceOf(ClusterCertificates.Refused.class);
        return ((ClusterCertificates.Refused) result).problem();
    }

    private static ClusterModel production() {
        return BrokerSecurityConfigTest.model(
                BrokerSecurityConfigTest.example("kafka-cluster-production.yaml"));
    }

    private static Secret userSecret(String cert, String key) {
        return SecretData.secret(
                "my-ca", "kafka", Map.of(), Map.of(), Map.of("ca.crt", cert, "ca.key", key));
    }

    private X509Certificate node(String pod) {
        String pem = SecretData.get(stored.get("production-node-certs"), pod + ".pem").orElse(null);
        return pem == null ? null : Pem.parseCertificate(pem);
    }

    private X509Certificate clusterCa() {
        return Pem.parseCertificate(
                SecretData.get(stored.get("production-cluster-ca"), "ca.crt").orElseThrow());
    }

    private List<X509Certificate> trustedClusterCas() {
        return Pem.parseCertificates(
                SecretData.get(stored.get("production-cluster-ca-cert"), "ca.crt").orElseThrow());
    }

    private X509Certificate operatorCertificate() {
        return Pem.parseCertificate(
                SecretData.get(stored.get("production-operator-credentials"), "user.crt")
                        .orElseThrow());
    }

    /** Every node of the cluster, ready and started with the hash. */
    private static List<Pod> pods(ClusterModel model, String hash) {
        List<Pod> pods = new ArrayList<>();
        for (String name :
                ClusterTls.nodeDnsNames(model.names(), model.pools(), List.of()).keySet()) {
            pods.add(
                    new PodBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withAnnotations(
                                    Map.of(
                                            NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION,
                                            hash))
                            .endMetadata()
                            .withNewStatus()
                            .addNewCondition()
                            .withType("Ready")
                            .withStatus("True")
                            .endCondition()
                            .endStatus()
                            .build());
        }
        return pods;
    }
}
