package io.tributary.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.operator.config.LogConfiguration;
import io.tributary.operator.config.OperatorSetting;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.http.HealthReport;
import io.tributary.operator.http.OperatorHttpServer;
import io.tributary.operator.kube.OperatorClients;
import io.tributary.operator.metrics.OperatorMetricsRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator program ({@code java -jar tributary-operator.jar [--flag=value ...]}): reads the
 * settings, configures logging, serves {@code /healthz}, {@code /readyz} and {@code /metrics},
 * connects to Kubernetes (KUBECONFIG or the pod's service account) and runs the operator until
 * SIGTERM. Invalid settings end it at once with exit code 2 and a message naming each.
 */
public final class OperatorMain {
    private OperatorMain() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(
                    "Usage: java -jar tributary-operator.jar [--flag=value ...]\n"
                            + "Each setting is a flag or an environment variable (the flag wins):\n"
                            + OperatorSetting.help());
            return;
        }
        OperatorSettings settings;
        try {
            settings =
                    OperatorSettings.fromEnvironment(
                            OperatorSetting.withFlags(System.getenv(), List.of(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("tributary-operator: " + e.getMessage());
            System.exit(2);
            return;
        }
        // No logger may exist before this line: it chooses the configuration.
        LogConfiguration.apply(settings);
        Logger log = LoggerFactory.getLogger(OperatorMain.class);

        PrometheusMeterRegistry registry = OperatorMetricsRegistry.create();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        AtomicReference<TributaryOperator> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        OperatorHttpServer http =
                OperatorHttpServer.start(
                        settings.httpPort(),
                        () -> {
                            if (stopping.get()) {
                                return HealthReport.stopping();
                            }
                            TributaryOperator operator = running.get();
                            return operator == null ? HealthReport.starting() : operator.health();
                        },
                        () -> {
                            TributaryOperator operator = running.get();
                            return operator == null ? registry.scrape() : operator.scrape();
                        });
        log.info("Serving /healthz, /readyz and /metrics on port {}", http.port());
        KubernetesClient client = OperatorClients.fromEnvironment();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stopping.set(true);
                                    log.info("Stopping");
                                    TributaryOperator operator = running.get();
                                    if (operator != null) {
                                        operator.close();
                                    }
                                    client.close();
                                    http.close();
                                },
                                "tributary-shutdown"));
        try {
            running.set(
                    TributaryOperator.start(
                            client,
                            settings,
                            registry,
                            // Another thread: exiting runs the shutdown hook, which waits for
                            // the thread that lost the lease.
                            () -> new Thread(() -> System.exit(1), "tributary-exit").start()));
        } catch (RuntimeException e) {
            log.error("The operator could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
