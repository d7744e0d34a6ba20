package io.tributary.operator.user;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.KafkaUserStatus;
import io.tributary.operator.cluster.ClusterChangesForDependents;
import io.tributary.operator.cluster.model.ClusterLabels;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kafka.KafkaAccess;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kube.DesiredStateApplier;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.kube.SpecOrIntentChanged;
import io.tributary.operator.kube.StatusWriter;
import io.tributary.operator.security.ClusterTls;
import io.tributary.operator.security.OperatorIdentity;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps each KafkaUser's credentials, ACLs and quotas in its cluster as the spec says: finds the
 * cluster, refuses what cannot work there ({@link UserSpecValidator}), sets the credentials ({@link
 * UserCredentialsStep}), makes the user's ACLs exactly the declared ones ({@link AclDiff}) and its
 * quotas too ({@link QuotaDiff}), and reports. A finalizer removes the credentials, ACLs and quotas
 * from Kafka when the KafkaUser is deleted, and is released without Kafka when the cluster is gone.
 * The user's Secret is owned by the KafkaUser and goes with it.
 */
@ControllerConfiguration(
        name = "kafkauser",
        generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrIntentChanged.class))
public class KafkaUserReconciler implements Reconciler<KafkaUser>, Cleaner<KafkaUser> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaUserReconciler.class);
    private static final String BY_CLUSTER = "by-cluster";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OperatorSettings settings;
    private final AdminConnections admins;
    private final EventPublisher events;
    private final Clock clock;
    private final UserCredentialsStep credentials = new UserCredentialsStep();
    private IndexerResourceCache<KafkaUser> users;
    private InformerEventSource<KafkaCluster, KafkaUser> clusters;
    private InformerEventSource<Secret, KafkaUser> secrets;

    public KafkaUserReconciler(
            OperatorSettings settings,
            AdminConnections admins,
            EventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.admins = admins;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, KafkaUser>> prepareEventSources(
            EventSourceContext<KafkaUser> context) {
        users = context.getPrimaryCache();
        users.addIndexers(Map.of(BY_CLUSTER, u -> List.of(clusterKey(u))));
        clusters =
                new InformerEventSource<>(
                        InformerEventSourceConfiguration.from(KafkaCluster.class, KafkaUser.class)
                                .withName("clusters-of-users")
                                .withOnUpdateFilter(ClusterChangesForDependents::concernDependents)
                                .withSecondaryToPrimaryMapper(
                                        c ->
                                                usersOf(
                                                        c.getMetadata().getNamespace(),
                                                        c.getMetadata().getName()))
                                .build(),
                        context);
        secrets =
                new InformerEventSource<>(
                        InformerEventSourceConfiguration.from(Secret.class, KafkaUser.class)
                                .withName("secrets-of-users")
                                .withLabelSelector(
                                        ClusterLabels.MANAGED_BY + "=" + ClusterLabels.MANAGER)
                                .withSecondaryToPrimaryMapper(this::usersOfSecret)
                                .build(),
                        context);
        return List.of(clusters, secrets);
    }

    /** A user's own Secret wakes the user; a clients CA Secret wakes every user of its cluster. */
    private Set<ResourceID> usersOfSecret(Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        String namespace = secret.getMetadata().getNamespace();
        if (labels.containsKey(UserCredentials.USER_LABEL)) {
            return Set.of(new ResourceID(labels.get(UserCredentials.USER_LABEL), namespace));
        }
        String cluster = labels.get(ClusterLabels.CLUSTER);
        if (cluster != null
                && secret.getMetadata().getName().equals(ClusterTls.clientsCaSecret(cluster))) {
            return usersOf(namespace, cluster);
        }
        return Set.of();
    }

    private Set<ResourceID> usersOf(String namespace, String cluster) {
        return users.byIndex(BY_CLUSTER, namespace + "/" + cluster).stream()
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    @Override
    public UpdateControl<KafkaUser> reconcile(KafkaUser user, Context<KafkaUser> context)
            throws InterruptedException {
        MDC.put(
                "resource",
                "kafkauser/"
                        + user.getMetadata().getNamespace()
                        + "/"
                        + user.getMetadata().getName());
        try {
            String before = StatusWriter.before(user.getStatus());
            return StatusWriter.carryOut(reconcileUser(user, context.getClient()), before, context);
        } finally {
            MDC.remove("resource");
        }
    }

    private UpdateControl<KafkaUser> reconcileUser(KafkaUser user, KubernetesClient client)
            throws InterruptedException {
        KafkaUserStatus status =
                user.getStatus() == null ? new KafkaUserStatus() : user.getStatus();
        user.setStatus(status);
        long generation = user.getMetadata().getGeneration();
        Instant now = clock.instant();
        Optional<KafkaCluster> cluster = cluster(user);
        Optional<KafkaAccess> access = cluster.flatMap(this::access);
        if (cluster.isEmpty()
                || cluster.get().getStatus() == null
                || cluster.get().getStatus().getClusterId() == null
                || access.isEmpty()) {
            StatusConditions.progressing(
                    status,
                    generation,
                    cluster.isEmpty() ? "ClusterNotFound" : "ClusterNotReady",
                    "waiting for KafkaCluster %s in %s"
                            .formatted(
                                    user.getSpec().getClusterRef().getName(),
                                    user.getMetadata().getNamespace()),
                    now);
            return UpdateControl.patchStatus(user).rescheduleAfter(WAIT);
        }
        List<Problem> refusals = UserSpecValidator.refusals(user, cluster.get().getSpec());
        if (!refusals.isEmpty()) {
            return refuse(user, refusals);
        }
        Duration next = settings.resyncInterval();
        try {
            UserAdmin admin =
                    new UserAdmin(
                            admins.admin(clusterKey(user), access.get()), settings.kafkaTimeout());
            UserCredentialsStep.Outcome outcome =
                    credentials.apply(
                            user,
                            cluster.get(),
                            admin,
                            client,
                            name ->
                                    secrets.get(
                                            new ResourceID(
                                                    name, user.getMetadata().getNamespace())),
                            now);
            if (outcome.refusal().isPresent()) {
                return refuse(user, List.of(outcome.refusal().get()));
            }
            outcome.secret()
                    .ifPresent(
                            s -> {
                                var applied =
                                        new DesiredStateApplier(client)
                                                .apply(s, secrets.get(ResourceID.fromResource(s)));
                                if (applied.change() == DesiredStateApplier.Change.CREATED) {
                                    secrets.handleRecentResourceCreate(
                                            ResourceID.fromResource(s), applied.resource());
                                } else if (applied.change() == DesiredStateApplier.Change.UPDATED) {
                                    secrets.handleRecentResourceUpdate(
                                            ResourceID.fromResource(s),
                                            applied.resource(),
                                            secrets.get(ResourceID.fromResource(s)).orElse(null));
                                }
                                if (applied.change() != DesiredStateApplier.Change.UNCHANGED) {
                                    LOG.info(
                                            "Secret {} {}",
                                            s.getMetadata().getName(),
                                            applied.change());
                                }
                            });
            outcome.changes().forEach(c -> note(user, "CredentialsChanged", c));
            if (outcome.nextCheck().isPresent()) {
                Duration until = Duration.between(now, outcome.nextCheck().get()).plusSeconds(1);
                next = until.compareTo(next) < 0 ? until : next;
            }
            syncAcls(user, admin);
            syncQuotas(user, admin);
        } catch (KafkaUnavailableException e) {
            StatusConditions.progressing(
                    status, generation, "KafkaUnavailable", e.getMessage(), now);
            return UpdateControl.patchStatus(user).rescheduleAfter(WAIT);
        }
        status.setUsername(username(user));
        status.setSecretName(user.getMetadata().getName());
        StatusConditions.ready(
                status,
                generation,
                "the user's credentials, ACLs and quotas are as specified",
                now);
        return UpdateControl.patchStatus(user).rescheduleAfter(next);
    }

    private void syncAcls(KafkaUser user, UserAdmin admin)
            throws KafkaUnavailableException, InterruptedException {
        String principal = DesiredAcls.principal(username(user));
        AclDiff diff =
                AclDiff.of(
                        principal,
                        DesiredAcls.of(principal, UserSpecValidator.acls(user.getSpec())),
                        admin.acls(principal));
        admin.createAcls(diff.create());
        admin.deleteAcls(diff.delete());
        if (!diff.isEmpty()) {
            note(
                    user,
                    "AclsChanged",
                    "ACLs of %s: %d created, %d deleted"
                            .formatted(principal, diff.create().size(), diff.delete().size()));
        }
    }

    private void syncQuotas(KafkaUser user, UserAdmin admin)
            throws KafkaUnavailableException, InterruptedException {
        var operations =
                QuotaDiff.operations(
                        QuotaDiff.desired(user.getSpec().getQuotas()),
                        admin.quotas(username(user)));
        admin.alterQuotas(username(user), operations);
        if (!operations.isEmpty()) {
            note(
                    user,
                    "QuotasChanged",
                    "quotas: "
                            + operations.stream()
                                    .map(
                                            o ->
                                                    o.key()
                                                            + (o.value() == null
                                                                    ? " removed"
                                                                    : "=" + o.value()))
                                    .collect(Collectors.joining(", ")));
        }
    }

    @Override
    public DeleteControl cleanup(KafkaUser user, Context<KafkaUser> context)
            throws InterruptedException {
        Optional<KafkaCluster> cluster = cluster(user);
        if (cluster.isEmpty() || cluster.get().getMetadata().getDeletionTimestamp() != null) {
            return DeleteControl.defaultDelete();
        }
        Optional<KafkaAccess> access = access(cluster.get());
        if (access.isEmpty()) {
            LOG.info(
                    "Cannot remove user {} from Kafka yet: no credentials for the cluster",
                    username(user));
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT);
        }
        String name = username(user);
        try {
            UserAdmin admin =
                    new UserAdmin(
                            admins.admin(clusterKey(user), access.get()), settings.kafkaTimeout());
            admin.deleteScramCredential(name);
            String principal = DesiredAcls.principal(name);
            admin.deleteAcls(List.copyOf(admin.acls(principal)));
            admin.alterQuotas(name, QuotaDiff.operations(Map.of(), admin.quotas(name)));
        } catch (KafkaUnavailableException e) {
            LOG.info("Could not remove user {} from Kafka yet: {}", name, e.getMessage());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT);
        }
        LOG.info("Removed user {}: credentials, ACLs and quotas", name);
        events.normal(
                user,
                "Deleted",
                "removed user " + name + "'s credentials, ACLs and quotas from Kafka");
        return DeleteControl.defaultDelete();
    }

    private UpdateControl<KafkaUser> refuse(KafkaUser user, List<Problem> refusals) {
        Problem first = refusals.get(0);
        String message = refusals.stream().map(Problem::message).collect(Collectors.joining("; "));
        LOG.info("Refused generation {}: {}", user.getMetadata().getGeneration(), message);
        events.warning(user, first.reason(), message);
        StatusConditions.stalled(
                user.getStatus(),
                user.getMetadata().getGeneration(),
                new Problem(first.reason(), message),
                clock.instant());
        return UpdateControl.patchStatus(user).rescheduleAfter(settings.resyncInterval());
    }

    private void note(KafkaUser user, String reason, String message) {
        LOG.info("{}", message);
        events.normal(user, reason, message);
    }

    private Optional<KafkaAccess> access(KafkaCluster cluster) {
        String namespace = cluster.getMetadata().getNamespace();
        return OperatorIdentity.access(
                cluster,
                settings.clusterDomain(),
                name -> secrets.get(new ResourceID(name, namespace)));
    }

    private Optional<KafkaCluster> cluster(KafkaUser user) {
        return clusters.get(
                new ResourceID(
                        user.getSpec().getClusterRef().getName(),
                        user.getMetadata().getNamespace()));
    }

    /** The user's name in Kafka: its resource's name. */
    static String username(KafkaUser user) {
        return user.getMetadata().getName();
    }

    private static String clusterKey(KafkaUser user) {
        return user.getMetadata().getNamespace() + "/" + user.getSpec().getClusterRef().getName();
    }
}
