package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.operator.cluster.model.ClusterLabels;
import io.tributary.operator.cluster.model.ClusterModel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The node certificates' and the operator's Secrets of a cluster, read and built: one PEM file (key
 * and certificate) per pod, with the batch they were issued in, and the operator's identity. Every
 * Secret is owned by the KafkaCluster and labelled with it. Pure.
 */
final class CertificateSecrets {
    private CertificateSecrets() {}

    static Map<String, CertifiedKey> nodeKeys(Secret secret) {
        Map<String, CertifiedKey> keys = new TreeMap<>();
        SecretData.all(secret)
                .forEach(
                        (file, pem) -> {
                            if (file.endsWith(".pem")) {
                                try {
                                    keys.put(
                                            file.substring(0, file.length() - 4),
                                            new CertifiedKey(
                                                    Pem.parseCertificate(pem),
                                                    Pem.parsePrivateKey(pem)));
                                } catch (IllegalArgumentException e) {
                                    // unreadable: issued again as if missing
                                }
                            }
                        });
        return keys;
    }

    static Optional<CertifiedKey> operatorKey(Secret secret) {
        try {
            return Optional.of(
                    new CertifiedKey(
                            Pem.parseCertificate(
                                    SecretData.get(secret, ClusterTls.CLIENT_CERT).orElse("")),
                            Pem.parsePrivateKey(
                                    SecretData.get(secret, ClusterTls.CLIENT_KEY).orElse(""))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Secret nodeSecret(ClusterModel model, Map<String, CertifiedKey> nodes, String batch) {
        Map<String, String> entries = new TreeMap<>();
        nodes.forEach((pod, key) -> entries.put(ClusterTls.nodeKeyStore(pod), key.keyStorePem()));
        return secret(
                model,
                ClusterTls.nodeCertsSecret(model.name()),
                Map.of(ClusterCertificates.BATCH_ANNOTATION, batch),
                entries);
    }

    static Secret operatorSecret(ClusterModel model, CertifiedKey operator, String trusted) {
        Secret secret =
                secret(
                        model,
                        ClusterTls.operatorSecret(model.name()),
                        Map.of(),
                        OperatorIdentity.entries(operator, trusted));
        secret.getMetadata().getLabels().put(OperatorIdentity.LABEL, OperatorIdentity.LABEL_VALUE);
        return secret;
    }

    static Secret secret(
            ClusterModel model,
            String name,
            Map<String, String> annotations,
            Map<String, String> entries) {
        return SecretData.ownedBy(
                SecretData.secret(
                        name,
                        model.namespace(),
                        ClusterLabels.cluster(model.name()),
                        annotations,
                        entries),
                model.cluster());
    }
}
