package io.tributary.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.tributary.operator.cluster.KafkaClusterReconciler;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.topic.KafkaTopicReconciler;
import io.tributary.operator.user.KafkaUserReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tributary operator as a program: connects to Kubernetes (KUBECONFIG or in-cluster), registers
 * the reconcilers and runs until stopped.
 */
public final class TributaryOperator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TributaryOperator.class);

    /**
     * Reconciles running at once. A topic reconcile mostly waits for a batched Admin call, so the
     * topics reconciled per second are these threads over one batch's latency.
     */
    static final int RECONCILE_THREADS = 200;

    private static final Duration MAX_RETRY_INTERVAL = Duration.ofMinutes(1);

    private final Operator operator;
    private final AdminConnections admins;

    private TributaryOperator(Operator operator, AdminConnections admins) {
        this.operator = operator;
        this.admins = admins;
    }

    public static void main(String[] args) {
        OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
        KubernetesClient client = new KubernetesClientBuilder().build();
        TributaryOperator running = start(client, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "tributary-shutdown"));
    }

    /** Starts the operator on the client; returns once its informers are running. */
    public static TributaryOperator start(KubernetesClient client, OperatorSettings settings) {
        AdminConnections admins = new AdminConnections(Map.of());
        EventPublisher events = new EventPublisher(client, Clock.systemUTC());
        Operator operator =
                new Operator(
                        o ->
                                o.withKubernetesClient(client)
                                        .withCloseClientOnStop(false)
                                        .withSSABasedCreateUpdateMatchForDependentResources(false)
                                        .withUseSSAToPatchPrimaryResource(false)
                                        .withConcurrentReconciliationThreads(RECONCILE_THREADS));
        operator.register(
                new KafkaClusterReconciler(settings, admins, events, Clock.systemUTC()),
                c -> configure(c, settings));
        operator.register(
                new KafkaTopicReconciler(settings, admins, events, Clock.systemUTC()),
                c -> configure(c, settings));
        operator.register(
                new KafkaUserReconciler(settings, admins, events, Clock.systemUTC()),
                c -> configure(c, settings));
        operator.start();
        LOG.info(
                "Tributary {} watching {}",
                settings.operatorVersion(),
                settings.namespaces().isEmpty() ? "all namespaces" : settings.namespaces());
        return new TributaryOperator(operator, admins);
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

    @Override
    public void close() {
        operator.stop();
        admins.close();
    }
}
