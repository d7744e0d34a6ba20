package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.operator.cluster.model.AdminBootstrap;
import io.tributary.operator.cluster.model.ClusterLabels;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kafka.KafkaClusterObserver;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.kube.OwnedResourceSources;
import io.tributary.operator.kube.SpecOrIntentChanged;
import io.tributary.operator.kube.StatusWriter;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles a KafkaCluster: validates the spec, applies the resources the builders describe, then
 * asks the brokers how they are and writes the status.
 *
 * <ol>
 *   <li>Refuse a spec that cannot be applied safely: the status says why, nothing changes.
 *   <li>Resolve the cluster id (kept for the cluster's life) and build the desired resources.
 *   <li>Create or update each resource whose desired hash changed.
 *   <li>Once brokers are ready, observe the cluster through the Admin API.
 *   <li>Write the status; look again soon while not ready, and periodically when ready.
 * </ol>
 */
@ControllerConfiguration(
        name = "kafkacluster",
        generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrIntentChanged.class))
public class KafkaClusterReconciler implements Reconciler<KafkaCluster> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterReconciler.class);

    private final OperatorSettings settings;
    private final AdminConnections admins;
    private final EventPublisher events;
    private final Clock clock;
    private final KafkaClusterObserver observer;
    private final LiveChanges liveChanges;
    private final RollExecutor rolls;
    private final RebalanceExecutor rebalances;
    private final ClusterSecurityStep security;
    private final OwnedResourceSources<KafkaCluster> owned = new OwnedResourceSources<>();

    public KafkaClusterReconciler(
            OperatorSettings settings,
            AdminConnections admins,
            EventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.admins = admins;
        this.events = events;
        this.clock = clock;
        this.observer = new KafkaClusterObserver(settings.kafkaTimeout());
        this.liveChanges = new LiveChanges(settings.kafkaTimeout(), events);
        this.rolls = new RollExecutor(settings.kafkaTimeout(), events);
        this.rebalances = new RebalanceExecutor(settings.kafkaTimeout(), events);
        this.security = new ClusterSecurityStep(events);
    }

    @Override
    public List<EventSource<?, KafkaCluster>> prepareEventSources(
            EventSourceContext<KafkaCluster> context) {
        return owned.create(context);
    }

    @Override
    public UpdateControl<KafkaCluster> reconcile(
            KafkaCluster cluster, Context<KafkaCluster> context) {
        MDC.put(
                "resource",
                "kafkacluster/"
                        + cluster.getMetadata().getNamespace()
                        + "/"
                        + cluster.getMetadata().getName());
        try {
            String before = StatusWriter.before(cluster.getStatus());
            return StatusWriter.carryOut(reconcileCluster(cluster, context), before, context);
        } finally {
            MDC.remove("resource");
        }
    }

    private UpdateControl<KafkaCluster> reconcileCluster(
            KafkaCluster cluster, Context<KafkaCluster> context) {
        forgetDeletedClusters(context);
        KafkaClusterStatus previous = cluster.getStatus();
        long generation = cluster.getMetadata().getGeneration();
        if (ReconciliationPause.isPaused(cluster)) {
            KafkaClusterStatus status = previous == null ? new KafkaClusterStatus() : previous;
            if (status.findCondition(ReconciliationPause.CONDITION).isEmpty()) {
                LOG.info("Reconciliation paused at generation {}", generation);
                events.normal(
                        cluster,
                        ReconciliationPause.CONDITION,
                        "changes nothing until the "
                                + ReconciliationPause.ANNOTATION
                                + " annotation is removed");
            }
            ReconciliationPause.markPaused(status, generation, clock.instant());
            cluster.setStatus(status);
            return UpdateControl.patchStatus(cluster).rescheduleAfter(settings.resyncInterval());
        }
        List<NodePool> pools = NodePool.of(cluster);
        Map<String, StatefulSet> running = runningStatefulSets(cluster, pools);

        List<Problem> refusals = new ArrayList<>(ClusterSpecValidator.refusals(cluster.getSpec()));
        refusals.addAll(ClusterChangeValidator.refusals(pools, running));
        refusals.addAll(SecurityModeChange.refusals(cluster.getSpec(), running.values()));
        refusals.addAll(KafkaVersionChange.refusals(cluster.getSpec(), previous));
        if (!refusals.isEmpty()) {
            return refuse(cluster, previous, refusals);
        }

        String clusterId = ClusterIdentity.resolve(previous, running.values());
        ClusterModel specModel =
                ClusterModel.of(
                        cluster,
                        clusterId,
                        settings.clusterDomain(),
                        cluster.getSpec().getImage() != null
                                ? cluster.getSpec().getImage()
                                : settings.brokerImage(cluster.getSpec().getKafkaVersion()));
        NodePool brokerPool = specModel.brokerPool();
        StatefulSet runningBrokers = running.get(brokerPool.name());
        ClusterModel sized =
                specModel.withBrokerReplicas(
                        BrokerCount.effective(
                                brokerPool.replicas(),
                                runningBrokers == null ? 0 : runningBrokers.getSpec().getReplicas(),
                                brokerPool.nodeIdBase(),
                                previous == null ? null : previous.getRebalance()));
        ClusterResourceWriter writer =
                new ClusterResourceWriter(context.getClient(), owned, events);
        ClusterSecurityStep.Outcome security =
                this.security.prepare(
                        context.getClient(), cluster, sized, owned, writer, clock.instant());
        if (security.refusal().isPresent()) {
            return refuse(cluster, previous, List.of(security.refusal().get()));
        }
        ClusterSecurityStep.Prepared prepared = security.prepared().orElseThrow();
        ClusterModel model = prepared.model();
        writer.write(cluster, model);

        List<PoolState> states = new ArrayList<>();
        for (NodePool pool : model.pools()) {
            StatefulSet sts =
                    owned.get(StatefulSet.class, model.namespace(), model.names().pool(pool))
                            .orElse(null);
            List<Pod> pods =
                    owned.list(Pod.class, cluster).stream()
                            .filter(
                                    p ->
                                            pool.name()
                                                    .equals(
                                                            p.getMetadata()
                                                                    .getLabels()
                                                                    .get(ClusterLabels.POOL)))
                            .toList();
            states.add(new PoolState(pool, sts, pods));
        }
        Optional<KafkaObservation> kafka = Optional.empty();
        Optional<String> kafkaError = Optional.empty();
        Optional<Admin> admin = Optional.empty();
        PoolState brokers =
                states.stream().filter(s -> s.pool().isBroker()).findFirst().orElseThrow();
        if (brokers.readyPods() > 0) {
            try {
                admin = Optional.of(admins.admin(key(cluster), prepared.access()));
                kafka = Optional.of(observer.observe(admin.get()));
                liveChanges.applyDynamicConfig(cluster, model, admin.get());
                liveChanges.releaseIdleThrottle(cluster, admin.get(), kafka.get());
            } catch (KafkaUnavailableException e) {
                kafkaError = Optional.of(e.getMessage());
                admin = Optional.empty();
                LOG.info("Brokers did not answer: {}", e.getMessage());
            }
        }
        boolean rebalancing = previous != null && RebalanceOutcome.unchanged(previous).active();
        RollExecutor.Outcome roll =
                rolls.step(
                        context.getClient(),
                        cluster,
                        model,
                        states,
                        kafka,
                        admin,
                        rebalancing,
                        clock.instant());
        RebalanceOutcome rebalance =
                rebalances.step(
                        context.getClient(),
                        cluster,
                        model,
                        states,
                        kafka,
                        admin,
                        roll.active(),
                        clock.instant());
        if (!roll.active() && admin.isPresent() && allNodesCurrentAndReady(states)) {
            try {
                if (liveChanges.finaliseMetadataVersion(cluster, admin.get())) {
                    kafka = Optional.of(observer.observe(admin.get()));
                }
            } catch (KafkaUnavailableException e) {
                LOG.info("Could not finalise metadata.version: {}", e.getMessage());
            }
        }
        ClusterSnapshot snapshot = new ClusterSnapshot(model, states, kafka, kafkaError);
        Optional<String> previousWarning =
                Optional.ofNullable(previous)
                        .flatMap(p -> p.findCondition(ClusterStatusBuilder.WARNING))
                        .map(c -> c.getMessage());
        var outcome =
                ClusterStatusBuilder.build(
                        previous,
                        snapshot,
                        ClusterSpecValidator.warnings(cluster.getSpec()),
                        clock.instant());
        if (outcome.ready() && !StatusConditions.isReadyFor(previous, generation)) {
            LOG.info("Generation {} is ready", generation);
            events.normal(cluster, "Ready", "the cluster runs generation " + generation);
        }
        ReconciliationPause.markResumed(outcome.status());
        outcome.status()
                .findCondition(ClusterStatusBuilder.WARNING)
                .filter(w -> previousWarning.map(m -> !m.equals(w.getMessage())).orElse(true))
                .ifPresent(w -> events.warning(cluster, w.getReason(), w.getMessage()));
        roll.writeTo(outcome.status(), generation, clock.instant());
        rebalance.writeTo(outcome.status(), generation, clock.instant());
        cluster.setStatus(outcome.status());
        Duration next =
                roll.active()
                        ? shortest(roll.poll(), settings.progressInterval())
                        : rebalance.active()
                                ? shortest(RebalanceExecutor.POLL, settings.progressInterval())
                                : outcome.ready() && rebalance.refusal().isEmpty()
                                        ? settings.resyncInterval()
                                        : settings.progressInterval();
        return UpdateControl.patchStatus(cluster)
                .rescheduleAfter(sooner(next, prepared.nextCheck()));
    }

    /** The delay, or less when the certificates need a look before it. */
    private Duration sooner(Duration next, Optional<java.time.Instant> check) {
        if (check.isEmpty()) {
            return next;
        }
        Duration until = Duration.between(clock.instant(), check.get());
        return until.compareTo(next) < 0 ? until.plusSeconds(1) : next;
    }

    private UpdateControl<KafkaCluster> refuse(
            KafkaCluster cluster, KafkaClusterStatus previous, List<Problem> refusals) {
        long generation = cluster.getMetadata().getGeneration();
        Problem first = refusals.get(0);
        String message = refusals.stream().map(Problem::message).collect(Collectors.joining("; "));
        LOG.info("Refused generation {}: {}", generation, message);
        events.warning(cluster, first.reason(), message);
        KafkaClusterStatus status = previous == null ? new KafkaClusterStatus() : previous;
        ReconciliationPause.markResumed(status);
        StatusConditions.stalled(
                status, generation, new Problem(first.reason(), message), clock.instant());
        cluster.setStatus(status);
        return UpdateControl.patchStatus(cluster).rescheduleAfter(settings.resyncInterval());
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static boolean allNodesCurrentAndReady(List<PoolState> states) {
        return states.stream()
                .allMatch(s -> s.allOnUpdateRevision() && s.readyPods() == s.pool().replicas());
    }

    private Map<String, StatefulSet> runningStatefulSets(
            KafkaCluster cluster, List<NodePool> pools) {
        Map<String, StatefulSet> running = new LinkedHashMap<>();
        for (StatefulSet sts : owned.list(StatefulSet.class, cluster)) {
            String pool = sts.getMetadata().getLabels().get(ClusterLabels.POOL);
            if (pool != null) {
                running.put(pool, sts);
            }
        }
        return running;
    }

    static String adminBootstrap(ClusterModel model) {
        return AdminBootstrap.of(model.names(), model.brokerPool());
    }

    private void forgetDeletedClusters(Context<KafkaCluster> context) {
        Set<String> existing =
                context.getPrimaryCache()
                        .list()
                        .map(KafkaClusterReconciler::key)
                        .collect(Collectors.toSet());
        admins.retainOnly(existing);
    }

    static String key(KafkaCluster cluster) {
        return cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
    }
}
