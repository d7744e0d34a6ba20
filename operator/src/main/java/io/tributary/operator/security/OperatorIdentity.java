package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.model.AdminBootstrap;
import io.tributary.operator.kafka.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's identity towards a secured cluster: a client certificate of the cluster CA, which
 * the brokers make a super user, kept in the {@code <cluster>-operator-credentials} Secret with the
 * CA certificates to trust. Every reconciler that talks to the brokers gets its connection settings
 * here.
 */
public final class OperatorIdentity {
    /** The label that marks the Secret, so that reconcilers can watch just these Secrets. */
    public static final String LABEL = "kafka.tributary.io/credentials";

    public static final String LABEL_VALUE = "operator";

    private OperatorIdentity() {}

    /** The Admin client properties of the identity. */
    public static Map<String, String> clientProperties(CertifiedKey identity, String trustedCas) {
        return properties(
                Pem.certificate(identity.certificate()),
                Pem.privateKey(identity.key()),
                trustedCas);
    }

    private static Map<String, String> properties(
            String certificate, String key, String trustedCas) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SSL");
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", certificate);
        p.put("ssl.keystore.key", key);
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.certificates", trustedCas);
        return p;
    }

    /**
     * How to reach the cluster's brokers: plainly when the cluster is not secured, else with the
     * identity from its Secret; empty while that Secret does not exist yet.
     */
    public static Optional<KafkaAccess> access(
            KafkaCluster cluster,
            String clusterDomain,
            Function<String, Optional<Secret>> secrets) {
        String bootstrap = AdminBootstrap.of(cluster, clusterDomain);
        if (!ClusterTls.isSecured(cluster.getSpec())) {
            return Optional.of(KafkaAccess.plain(bootstrap));
        }
        Optional<Secret> secret =
                secrets.apply(ClusterTls.operatorSecret(cluster.getMetadata().getName()));
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> cert = SecretData.get(secret.get(), ClusterTls.CLIENT_CERT);
        Optional<String> key = SecretData.get(secret.get(), ClusterTls.CLIENT_KEY);
        Optional<String> ca = SecretData.get(secret.get(), ClusterTls.CA_CERT);
        if (cert.isEmpty() || key.isEmpty() || ca.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KafkaAccess(bootstrap, properties(cert.get(), key.get(), ca.get())));
    }

    /** The Secret's entries. */
    public static Map<String, String> entries(CertifiedKey identity, String trustedCas) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ClusterTls.CLIENT_CERT, Pem.certificate(identity.certificate()));
        entries.put(ClusterTls.CLIENT_KEY, Pem.privateKey(identity.key()));
        entries.put(ClusterTls.CA_CERT, trustedCas);
        return entries;
    }
}
