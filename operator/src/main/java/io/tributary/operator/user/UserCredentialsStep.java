package io.tributary.operator.user;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.SecretKeyRef;
import io.tributary.api.v1alpha1.cluster.CertificatesSpec;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.UserAuthenticationType;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.security.CaSecrets;
import io.tributary.operator.security.CaState;
import io.tributary.operator.security.CertificateIssuer;
import io.tributary.operator.security.CertifiedKey;
import io.tributary.operator.security.ClusterTls;
import io.tributary.operator.security.LeafRenewal;
import io.tributary.operator.security.Renewal;
import io.tributary.operator.security.SecretData;
import io.tributary.operator.status.Problem;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A user's credentials in Kafka and in its Secret. A SCRAM user's password comes from {@code
 * passwordSecretRef} or is generated once and kept in the user's Secret; it is set in Kafka when
 * Kafka has none or it differs from the one the Secret holds. A TLS user gets a client certificate
 * of the cluster's clients CA, issued again before it expires or when another CA signs. Messages
 * name what changed, never a password or key.
 */
final class UserCredentialsStep {
    /**
     * The user's Secret as it must be, or a refusal; what changed; when the certificate needs a
     * look.
     */
    record Outcome(
            Optional<Secret> secret,
            Optional<Problem> refusal,
            List<String> changes,
            Optional<Instant> nextCheck) {
        static Outcome refused(Problem problem) {
            return new Outcome(Optional.empty(), Optional.of(problem), List.of(), Optional.empty());
        }
    }

    private final UserCredentials credentials = new UserCredentials(new SecureRandom());
    private final CertificateIssuer issuer = new CertificateIssuer();

    Outcome apply(
            KafkaUser user,
            KafkaCluster cluster,
            UserAdmin admin,
            KubernetesClient client,
            Function<String, Optional<Secret>> secrets,
            Instant now)
            throws KafkaUnavailableException, InterruptedException {
        String name = KafkaUserReconciler.username(user);
        Optional<Secret> current = secrets.apply(user.getMetadata().getName());
        List<String> changes = new ArrayList<>();
        if (user.getSpec().getAuthentication().getType() == UserAuthenticationType.SCRAM_SHA_512) {
            SecretKeyRef ref = user.getSpec().getAuthentication().getPasswordSecretRef();
            String password;
            if (ref != null) {
                Secret source =
                        client.secrets()
                                .inNamespace(user.getMetadata().getNamespace())
                                .withName(ref.getName())
                                .get();
                Optional<String> value =
                        source == null ? Optional.empty() : SecretData.get(source, ref.getKey());
                if (value.isEmpty() || value.get().isEmpty()) {
                    return Outcome.refused(
                            new Problem(
                                    "PasswordSecretNotFound",
                                    "spec.authentication.passwordSecretRef: "
                                            + (source == null
                                                    ? "Secret %s does not exist"
                                                            .formatted(ref.getName())
                                                    : "Secret %s has no non-empty key %s"
                                                            .formatted(
                                                                    ref.getName(), ref.getKey()))));
                }
                password = value.get();
            } else {
                password =
                        current.flatMap(s -> SecretData.get(s, UserCredentials.PASSWORD))
                                .filter(p -> !p.isEmpty())
                                .orElseGet(credentials::newPassword);
            }
            Optional<String> stored =
                    current.flatMap(s -> SecretData.get(s, UserCredentials.PASSWORD));
            if (!stored.equals(Optional.of(password)) || !admin.hasScramCredential(name)) {
                admin.setScramPassword(name, password);
                changes.add(
                        stored.isEmpty() || !stored.equals(Optional.of(password))
                                ? (stored.isEmpty()
                                        ? "SCRAM-SHA-512 credentials set for " + name
                                        : "SCRAM-SHA-512 password of " + name + " changed")
                                : "SCRAM-SHA-512 credentials of " + name + " restored in Kafka");
            }
            return new Outcome(
                    Optional.of(
                            UserCredentials.secret(
                                    user, UserCredentials.scramData(name, password))),
                    Optional.empty(),
                    changes,
                    Optional.empty());
        }
        if (admin.hasScramCredential(name)) {
            admin.deleteScramCredential(name);
            changes.add(
                    "SCRAM-SHA-512 credentials of "
                            + name
                            + " removed: it authenticates with a certificate");
        }
        String clusterName = cluster.getMetadata().getName();
        Optional<CaState> clientsCa;
        try {
            clientsCa = CaSecrets.read(secrets.apply(ClusterTls.clientsCaSecret(clusterName)));
        } catch (IllegalStateException e) {
            clientsCa = Optional.empty();
        }
        if (clientsCa.isEmpty()) {
            throw new KafkaUnavailableException(
                    "the clients CA of KafkaCluster " + clusterName + " is not there yet", null);
        }
        CertifiedKey ca = clientsCa.get().current();
        CertificatesSpec spec = CertificatesSpec.of(cluster.getSpec());
        Optional<CertifiedKey> existing = UserCredentials.certificate(current);
        LeafRenewal.Plan plan =
                LeafRenewal.plan(
                        existing.map(k -> Map.of(name, k.certificate())).orElse(Map.of()),
                        Map.of(name, List.of()),
                        ca.certificate(),
                        now,
                        spec.renewBeforeDuration());
        CertifiedKey certificate;
        if (plan.changes()) {
            certificate =
                    issuer.issue(
                            ca,
                            "CN=" + name,
                            List.of(),
                            CertificateIssuer.Usage.CLIENT,
                            now,
                            spec.validityDuration());
            changes.add(
                    "client certificate of "
                            + name
                            + " issued, valid until "
                            + certificate.notAfter());
        } else {
            certificate = existing.orElseThrow();
        }
        Instant renewAt = Renewal.renewAt(certificate.notAfter(), spec.renewBeforeDuration());
        return new Outcome(
                Optional.of(
                        UserCredentials.secret(
                                user, credentials.tlsData(name, certificate, current))),
                Optional.empty(),
                changes,
                renewAt.isAfter(now) ? Optional.of(renewAt) : Optional.empty());
    }
}
