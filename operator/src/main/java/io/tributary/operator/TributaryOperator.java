package io.tributary.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.health.Status;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.operator.cluster.KafkaClusterReconciler;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.http.HealthReport;
import io.tributary.operator.http.HealthReport.InformerState;
import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.metrics.OperatorGauges;
import io.tributary.operator.metrics.OperatorMetricsRegistry;
import io.tributary.operator.topic.KafkaTopicReconciler;
import io.tributary.operator.user.KafkaUserReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tributary operator on a Kubernetes client: registers the reconcilers, with JOSDK's metrics
 * and Tributary's gauges in a Prometheus registry and, when configured, leader election, and runs
 * until closed. {@link OperatorMain} is the program around it.
 */
public final class TributaryOperator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TributaryOperator.class);

    /**
     * Reconciles running at once. A topic reconcile that describes its topic waits for a batched
     * Admin call, so the topics described per second are these threads over one batch's latency
     * (creations do not hold a thread while Kafka answers). Each thread's stack costs resident
     * memory (about 110 KiB touched); 100 threads took the operator over 256 MiB at 10,000 topics.
     */
    static final int RECONCILE_THREADS = 50;

    private static final Duration MAX_RETRY_INTERVAL = Duration.ofMinutes(1);

    private final Operator operator;
    private final AdminConnections admins;
    private final PrometheusMeterRegistry registry;
    private final OperatorGauges gauges;
    private final Leadership leadership;

    private TributaryOperator(
            Operator operator,
            AdminConnections admins,
            PrometheusMeterRegistry registry,
            OperatorGauges gauges,
            Leadership leadership) {
        this.operator = operator;
        this.admins = admins;
        this.registry = registry;
        this.gauges = gauges;
        this.leadership = leadership;
    }

    /** Starts the operator on the client with a registry of its own; see below. */
    public static TributaryOperator start(KubernetesClient client, OperatorSettings settings) {
        return start(client, settings, OperatorMetricsRegistry.create(), () -> {});
    }

    /**
     * Starts the operator on the client; returns once its informers have synced (on every replica:
     * only the leader reconciles).
     *
     * @param registry where JOSDK's and Tributary's metrics go
     * @param onLeadershipLost what to do when this replica loses the lease while running
     */
    public static TributaryOperator start(
            KubernetesClient client,
            OperatorSettings settings,
            PrometheusMeterRegistry registry,
            Runnable onLeadershipLost) {
        AdminConnections admins = new AdminConnections(Map.of());
        EventPublisher events = new EventPublisher(client, Clock.systemUTC());
        Leadership leadership =
                settings.leaderElection().isPresent()
                        ? Leadership.elected(onLeadershipLost)
                        : Leadership.always();
        Operator operator =
                new Operator(
                        o -> {
                            o.withKubernetesClient(client)
                                    .withCloseClientOnStop(false)
                                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                                    .withUseSSAToPatchPrimaryResource(false)
                                    .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                                    // One series per controller, not per resource: 10,000
                                    // topics must not mean 10,000 series.
                                    .withMetrics(
                                            MicrometerMetrics.withoutPerResourceMetrics(registry));
                            settings.leaderElection()
                                    .ifPresent(
                                            le ->
                                                    o.withLeaderElectionConfiguration(
                                                            leaderElection(le, leadership)));
                        });
        RegisteredController<?> clusters =
                operator.register(
                        new KafkaClusterReconciler(settings, admins, events, Clock.systemUTC()),
                        c -> configure(c, settings));
        RegisteredController<?> topics =
                operator.register(
                        new KafkaTopicReconciler(settings, admins, events, Clock.systemUTC()),
                        c -> configure(c, settings));
        RegisteredController<?> users =
                operator.register(
                        new KafkaUserReconciler(settings, admins, events, Clock.systemUTC()),
                        c -> configure(c, settings));
        OperatorGauges gauges =
                new OperatorGauges(
                        registry,
                        () -> cached(clusters),
                        () -> cached(topics),
                        () -> cached(users),
                        leadership::leading,
                        Clock.systemUTC());
        operator.start();
        LOG.info(
                "Tributary {} watching {}{}",
                settings.operatorVersion(),
                settings.namespaces().isEmpty() ? "all namespaces" : settings.namespaces(),
                settings.leaderElection().isPresent()
                        ? ", reconciling when it holds Lease "
                                + settings.leaderElection().get().leaseName()
                        : "");
        return new TributaryOperator(operator, admins, registry, gauges, leadership);
    }

    private static LeaderElectionConfiguration leaderElection(
            OperatorSettings.LeaderElection settings, Leadership leadership) {
        String identity =
                settings.identity()
                        .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                        .filter(h -> !h.isBlank())
                        .orElseGet(() -> UUID.randomUUID().toString());
        var builder =
                LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                                settings.leaseName())
                        .withIdentity(identity)
                        .withLeaderCallbacks(leadership.callbacks(identity))
                        // Leadership decides: JOSDK would exit on every stop, even a requested one.
                        .withExitOnStopLeading(false);
        settings.leaseNamespace().ifPresent(builder::withLeaseNamespace);
        return builder.build();
    }

    private static <R extends HasMetadata> void configure(
            ControllerConfigurationOverrider<R> c, OperatorSettings settings) {
        if (!settings.namespaces().isEmpty()) {
            c.settingNamespaces(settings.namespaces());
        }
        c.withRetry(retry());
    }

    /**
     * Retries that never give up, growing to a minute apart: JOSDK's default stops after five
     * failures and then waits for the next event or its ten-hour maximum interval, which would
     * leave a resource unreconciled for hours after a passing failure.
     */
    static GenericRetry retry() {
        return GenericRetry.defaultLimitedExponentialRetry()
                .withoutMaxAttempts()
                .setMaxInterval(MAX_RETRY_INTERVAL.toMillis());
    }

    /** The primary resources as the controller's informer holds them. */
    @SuppressWarnings("unchecked")
    private static <R> Collection<R> cached(RegisteredController<?> registered) {
        // JOSDK registers a Controller; its primary cache is the one the reconciler reads.
        Controller<?> controller = (Controller<?>) registered;
        return (Collection<R>)
                controller.getEventSourceManager().getControllerEventSource().list().toList();
    }

    /** What {@code /healthz} and {@code /readyz} answer. */
    public HealthReport health() {
        if (!operator.getRuntimeInfo().isStarted()) {
            return HealthReport.stopping();
        }
        List<InformerState> unhealthy = new ArrayList<>();
        var byController =
                operator.getRuntimeInfo().unhealthyInformerWrappingEventSourceHealthIndicator();
        for (var controller : byController.entrySet()) {
            for (var source : controller.getValue().entrySet()) {
                InformerWrappingEventSourceHealthIndicator<?> indicator = source.getValue();
                for (Map.Entry<String, InformerHealthIndicator> informer :
                        indicator.informerHealthIndicators().entrySet()) {
                    InformerHealthIndicator state = informer.getValue();
                    if (state.getStatus() != Status.HEALTHY) {
                        unhealthy.add(
                                new InformerState(
                                        controller.getKey(),
                                        source.getKey(),
                                        informer.getKey(),
                                        state.isRunning(),
                                        state.hasSynced(),
                                        state.isWatching()));
                    }
                }
            }
        }
        return HealthReport.of(unhealthy);
    }

    /** The metrics in the Prometheus text format, Tributary's gauges freshly counted. */
    public String scrape() {
        gauges.refresh();
        return registry.scrape();
    }

    /** Whether this replica reconciles: it leads, or there is no leader election. */
    public boolean leading() {
        return leadership.leading();
    }

    @Override
    public void close() {
        leadership.stopping();
        operator.stop();
        admins.close();
    }
}
