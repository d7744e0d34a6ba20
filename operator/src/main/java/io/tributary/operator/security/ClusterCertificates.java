package io.tributary.operator.security;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.tributary.api.v1alpha1.cluster.CertificatesSpec;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.status.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keeps a secured cluster's certificates: reads the Secrets that hold them, asks the pure planners
 * ({@link CaRenewal}, {@link LeafRenewal}) what to change, issues what they ask for and returns the
 * Secrets to write, the hash the pods must carry and the operator's client properties. Makes no
 * call itself: the reconciler passes what it read and writes what this returns.
 *
 * <ol>
 *   <li>The cluster CA and the clients CA are created, or replaced in phases (see {@link
 *       CaRenewal}); a phase moves on only once every node runs with the current hash and is ready.
 *   <li>Node certificates (one per pod, with its DNS names) and the operator's are issued by the
 *       signing cluster CA; all are issued again together when one is due or another CA signed it,
 *       which starts a new batch and so a new hash.
 *   <li>The hash covers both CAs' trusted certificates and the batch: a change rolls the nodes.
 * </ol>
 */
public final class ClusterCertificates {
    /** On the node certificates Secret: when the current batch was issued. */
    public static final String BATCH_ANNOTATION = "kafka.tributary.io/certificates-batch";

    static final String OPERATOR = "operator";

    /** What this reconcile does with the certificates. */
    public sealed interface Result permits Refused, Secured {}

    /** A user's CA Secret cannot be used; nothing is changed. */
    public record Refused(Problem problem) implements Result {}

    /**
     * The certificates as they must be: the Secrets to write, the hash for the pods, the operator's
     * client properties, when to look again, and what changed (for the log and events).
     */
    public record Secured(
            List<Secret> secrets,
            String hash,
            Map<String, String> operatorProperties,
            Optional<Instant> nextCheck,
            List<String> changes)
            implements Result {
        @Override
        public String toString() {
            return "Secured[" + hash + ", " + changes + "]";
        }
    }

    private final CertificateIssuer issuer;

    public ClusterCertificates(CertificateIssuer issuer) {
        this.issuer = issuer;
    }

    /**
     * @param owned the operator's Secrets of the cluster, by name
     * @param provided Secrets the user provides (their own CAs), by name
     * @param pods the cluster's pods
     */
    public Result reconcile(
            ClusterModel model,
            Function<String, Optional<Secret>> owned,
            Function<String, Optional<Secret>> provided,
            List<Pod> pods,
            Instant now) {
        CertificatesSpec spec = CertificatesSpec.of(model.spec());
        String cluster = model.name();
        Optional<CertifiedKey> ownClusterCa;
        Optional<CertifiedKey> ownClientsCa;
        try {
            ownClusterCa =
                    providedCa(
                            provided,
                            spec.getClusterCaSecret(),
                            "spec.certificates.clusterCaSecret");
            ownClientsCa =
                    providedCa(
                            provided,
                            spec.getClientsCaSecret(),
                            "spec.certificates.clientsCaSecret");
        } catch (RefusedCa refused) {
            return new Refused(refused.problem);
        }
        Optional<CaState> storedCluster =
                CaSecrets.read(owned.apply(ClusterTls.clusterCaSecret(cluster)));
        Optional<CaState> storedClients =
                CaSecrets.read(owned.apply(ClusterTls.clientsCaSecret(cluster)));
        Optional<Secret> nodeSecret = owned.apply(ClusterTls.nodeCertsSecret(cluster));
        Map<String, CertifiedKey> nodes =
                nodeSecret.map(CertificateSecrets::nodeKeys).orElse(Map.of());
        Optional<String> storedBatch =
                nodeSecret
                        .map(s -> s.getMetadata().getAnnotations())
                        .map(a -> a.get(BATCH_ANNOTATION));
        Optional<CertifiedKey> storedOperator =
                owned.apply(ClusterTls.operatorSecret(cluster))
                        .flatMap(CertificateSecrets::operatorKey);

        boolean settled =
                storedCluster.isPresent()
                        && storedClients.isPresent()
                        && storedBatch.isPresent()
                        && nodesRun(
                                model,
                                pods,
                                hash(storedCluster.get(), storedClients.get(), storedBatch.get()));
        List<String> changes = new ArrayList<>();
        CaState clusterCa =
                nextCa(
                        "cluster CA",
                        cluster + "-cluster-ca",
                        storedCluster,
                        ownClusterCa,
                        spec,
                        settled,
                        false,
                        now,
                        changes);
        CaState clientsCa =
                nextCa(
                        "clients CA",
                        cluster + "-clients-ca",
                        storedClients,
                        ownClientsCa,
                        spec,
                        settled,
                        true,
                        now,
                        changes);

        Map<String, List<String>> desiredNodes =
                ClusterTls.nodeDnsNames(model.names(), model.pools(), model.spec().getListeners());
        Map<String, X509Certificate> existingNodes = new TreeMap<>();
        nodes.forEach((pod, key) -> existingNodes.put(pod, key.certificate()));
        LeafRenewal.Plan nodePlan =
                LeafRenewal.plan(
                        existingNodes,
                        desiredNodes,
                        clusterCa.current().certificate(),
                        now,
                        spec.renewBeforeDuration());
        Map<String, CertifiedKey> newNodes = new TreeMap<>(nodes);
        nodePlan.remove().forEach(newNodes::remove);
        String batch = storedBatch.orElse(now.toString());
        List<String> toIssue = nodePlan.issue();
        if (nodePlan.renewAll().isPresent() || storedBatch.isEmpty()) {
            batch = now.toString();
            toIssue = List.copyOf(desiredNodes.keySet());
            if (storedBatch.isPresent()) {
                changes.add(
                        "node certificates renewed: " + nodePlan.renewAll().orElse("new batch"));
            }
        } else if (!toIssue.isEmpty()) {
            changes.add("node certificates issued for " + String.join(", ", toIssue));
        }
        for (String pod : toIssue) {
            newNodes.put(
                    pod,
                    issuer.issue(
                            clusterCa.current(),
                            ClusterTls.NODE_SUBJECT,
                            desiredNodes.get(pod),
                            CertificateIssuer.Usage.SERVER_AND_CLIENT,
                            now,
                            spec.validityDuration()));
        }

        LeafRenewal.Plan operatorPlan =
                LeafRenewal.plan(
                        storedOperator.map(k -> Map.of(OPERATOR, k.certificate())).orElse(Map.of()),
                        Map.of(OPERATOR, List.of()),
                        clusterCa.current().certificate(),
                        now,
                        spec.renewBeforeDuration());
        CertifiedKey operator =
                operatorPlan.changes()
                        ? issuer.issue(
                                clusterCa.current(),
                                ClusterTls.OPERATOR_SUBJECT,
                                List.of(),
                                CertificateIssuer.Usage.CLIENT,
                                now,
                                spec.validityDuration())
                        : storedOperator.orElseThrow();

        String hash = hash(clusterCa, clientsCa, batch);
        String trusted = clusterCa.trustedPem();
        List<Secret> secrets =
                List.of(
                        CertificateSecrets.secret(
                                model,
                                ClusterTls.clusterCaSecret(cluster),
                                Map.of(),
                                CaSecrets.entries(clusterCa)),
                        CertificateSecrets.secret(
                                model,
                                ClusterTls.clusterCaCertSecret(cluster),
                                Map.of(),
                                Map.of(ClusterTls.CA_CERT, trusted)),
                        CertificateSecrets.secret(
                                model,
                                ClusterTls.clientsCaSecret(cluster),
                                Map.of(),
                                CaSecrets.entries(clientsCa)),
                        CertificateSecrets.secret(
                                model,
                                ClusterTls.clientsCaCertSecret(cluster),
                                Map.of(),
                                Map.of(ClusterTls.CA_CERT, clientsCa.trustedPem())),
                        CertificateSecrets.nodeSecret(model, newNodes, batch),
                        CertificateSecrets.operatorSecret(model, operator, trusted));
        return new Secured(
                secrets,
                hash,
                OperatorIdentity.clientProperties(operator, trusted),
                nextCheck(clusterCa, clientsCa, newNodes.values(), operator, spec, now),
                changes);
    }

    private CaState nextCa(
            String what,
            String commonName,
            Optional<CaState> stored,
            Optional<CertifiedKey> ownCa,
            CertificatesSpec spec,
            boolean settled,
            boolean keepPreviousUntilExpiry,
            Instant now,
            List<String> changes) {
        CaRenewal.Decision decision =
                CaRenewal.decide(
                        new CaRenewal.Input(
                                stored,
                                ownCa.map(CertifiedKey::certificate),
                                now,
                                spec.caRenewBeforeDuration(),
                                settled,
                                keepPreviousUntilExpiry));
        CertifiedKey replacement = null;
        if (CaRenewal.needsReplacement(decision.step())) {
            replacement =
                    ownCa.orElseGet(
                            () ->
                                    issuer.certificateAuthority(
                                            commonName, now, spec.caValidityDuration()));
        }
        if (decision.step() != CaRenewal.Step.KEEP) {
            changes.add(what + ": " + decision.reason());
        }
        return CaRenewal.apply(stored, decision.step(), replacement);
    }

    /**
     * Whether every node of the cluster exists, is ready and was started with this hash: the moment
     * a CA replacement may take its next step.
     */
    static boolean nodesRun(ClusterModel model, List<Pod> pods, String hash) {
        Map<String, Pod> byName = new LinkedHashMap<>();
        pods.forEach(p -> byName.put(p.getMetadata().getName(), p));
        for (String pod :
                ClusterTls.nodeDnsNames(model.names(), model.pools(), List.of()).keySet()) {
            Pod p = byName.get(pod);
            if (p == null
                    || p.getMetadata().getDeletionTimestamp() != null
                    || !ready(p)
                    || p.getMetadata().getAnnotations() == null
                    || !hash.equals(
                            p.getMetadata()
                                    .getAnnotations()
                                    .get(NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION))) {
                return false;
            }
        }
        return true;
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** A short hash of what the nodes must run with: both CAs' trusted certificates, the batch. */
    static String hash(CaState cluster, CaState clients, String batch) {
        String text = cluster.trustedPem() + "\n" + clients.trustedPem() + "\n" + batch;
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Optional<Instant> nextCheck(
            CaState clusterCa,
            CaState clientsCa,
            java.util.Collection<CertifiedKey> nodes,
            CertifiedKey operator,
            CertificatesSpec spec,
            Instant now) {
        List<Instant> moments = new ArrayList<>();
        Duration caWindow = spec.caRenewBeforeDuration();
        moments.add(Renewal.renewAt(clusterCa.current().notAfter(), caWindow));
        moments.add(Renewal.renewAt(clientsCa.current().notAfter(), caWindow));
        clientsCa.previous().ifPresent(p -> moments.add(p.getNotAfter().toInstant()));
        List<CertifiedKey> leaves = new ArrayList<>(nodes);
        leaves.add(operator);
        for (CertifiedKey leaf : leaves) {
            if (leaf.notAfter().isBefore(clusterCa.current().notAfter())) {
                moments.add(Renewal.renewAt(leaf.notAfter(), spec.renewBeforeDuration()));
            }
        }
        return moments.stream().filter(m -> m.isAfter(now)).min(Instant::compareTo);
    }

    private static Optional<CertifiedKey> providedCa(
            Function<String, Optional<Secret>> provided, String secret, String field)
            throws RefusedCa {
        if (secret == null) {
            return Optional.empty();
        }
        Optional<Secret> found = provided.apply(secret);
        if (found.isEmpty()) {
            throw new RefusedCa(
                    new Problem(
                            "CaSecretNotFound",
                            "%s: Secret %s does not exist; create it with ca.crt and ca.key (PEM)"
                                    .formatted(field, secret)));
        }
        try {
            return Optional.of(CaSecrets.provided(found.get()));
        } catch (IllegalArgumentException e) {
            throw new RefusedCa(new Problem("CaSecretInvalid", field + ": " + e.getMessage()));
        }
    }

    /** Thrown inside {@link #reconcile} when a user's CA Secret cannot be used. */
    private static final class RefusedCa extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        RefusedCa(Problem problem) {
            super(problem.reason());
            this.problem = problem;
        }
    }
}
