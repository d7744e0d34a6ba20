package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.kafka.KafkaAccess;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.kube.OwnedResourceSources;
import io.tributary.operator.security.CertificateIssuer;
import io.tributary.operator.security.ClusterCertificates;
import io.tributary.operator.security.ClusterTls;
import io.tributary.operator.status.Problem;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates' part of a cluster reconcile: for a secured cluster, keeps its CAs and
 * certificates ({@link ClusterCertificates}), writes their Secrets before anything that mounts
 * them, and says how the operator reaches the brokers. A cluster without security gets plain access
 * and no Secrets.
 */
final class ClusterSecurityStep {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSecurityStep.class);

    /** The model with its certificates' hash, the operator's access, and when to look again. */
    record Prepared(ClusterModel model, KafkaAccess access, Optional<Instant> nextCheck) {}

    /** Either prepared, or refused with nothing written. */
    record Outcome(Optional<Prepared> prepared, Optional<Problem> refusal) {}

    private final ClusterCertificates certificates =
            new ClusterCertificates(new CertificateIssuer());
    private final EventPublisher events;

    ClusterSecurityStep(EventPublisher events) {
        this.events = events;
    }

    Outcome prepare(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            OwnedResourceSources<KafkaCluster> owned,
            ClusterResourceWriter writer,
            Instant now) {
        String bootstrap = KafkaClusterReconciler.adminBootstrap(model);
        if (!ClusterTls.isSecured(model.spec())) {
            return new Outcome(
                    Optional.of(
                            new Prepared(model, KafkaAccess.plain(bootstrap), Optional.empty())),
                    Optional.empty());
        }
        String namespace = model.namespace();
        var result =
                certificates.reconcile(
                        model,
                        name -> owned.get(Secret.class, namespace, name),
                        name ->
                                Optional.ofNullable(
                                        client.secrets()
                                                .inNamespace(namespace)
                                                .withName(name)
                                                .get()),
                        owned.list(Pod.class, cluster),
                        now);
        if (result instanceof ClusterCertificates.Refused refused) {
            return new Outcome(Optional.empty(), Optional.of(refused.problem()));
        }
        var secured = (ClusterCertificates.Secured) result;
        writer.write(cluster, secured.secrets());
        for (String change : secured.changes()) {
            LOG.info("Certificates: {}", change);
            events.normal(cluster, "CertificatesChanged", change);
        }
        return new Outcome(
                Optional.of(
                        new Prepared(
                                model.withCertificatesHash(secured.hash()),
                                new KafkaAccess(bootstrap, secured.operatorProperties()),
                                secured.nextCheck())),
                Optional.empty());
    }
}
