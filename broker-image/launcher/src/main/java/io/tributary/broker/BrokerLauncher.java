package io.tributary.broker;

import io.tributary.broker.config.PodIdentity;
import io.tributary.broker.config.ServerPropertiesRenderer;
import io.tributary.broker.health.HealthReport;
import io.tributary.broker.health.HealthServer;
import io.tributary.broker.health.JmxNodeMetrics;
import io.tributary.broker.health.NodeMetrics;
import io.tributary.broker.health.ReadinessCheck;
import io.tributary.broker.run.KafkaRunner;
import io.tributary.broker.storage.StorageFormatPlan;
import io.tributary.broker.storage.StorageFormatter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker container's entrypoint: turns the pool's server.properties template and the pod's
 * environment into this node's server.properties, formats storage on first start, serves the health
 * probes and runs Kafka in this JVM.
 *
 * <h2>Environment</h2>
 *
 * <ul>
 *   <li>{@code POD_NAME} (required): a StatefulSet pod name; its ordinal is the number after the
 *       last {@code -}.
 *   <li>{@code POD_NAMESPACE} (required).
 *   <li>{@code POD_IP} (optional): the address the health endpoint binds to, and Kafka's listeners
 *       through {@code ${POD_IP}} in the template; {@code 0.0.0.0} when unset.
 *   <li>{@code TRIBUTARY_NODE_ID_BASE} (default 0): node id = base + ordinal.
 *   <li>{@code TRIBUTARY_HEADLESS_SERVICE} (required) and {@code TRIBUTARY_CLUSTER_DOMAIN} (default
 *       {@code cluster.local}): the pod's DNS name is {@code
 *       <POD_NAME>.<headless>.<POD_NAMESPACE>.svc.<domain>}.
 *   <li>{@code TRIBUTARY_CLUSTER_ID}: required when storage needs formatting.
 *   <li>{@code TRIBUTARY_INITIAL_CONTROLLERS} (optional): Kafka's {@code --initial-controllers}
 *       value ({@code id@host:port:directoryId,...}). A controller listed there is formatted with
 *       it; any other controller of a dynamic quorum with {@code --no-initial-controllers}; a
 *       broker-only node with neither. Set it only while creating a cluster: a listed controller
 *       whose disk is replaced later would rejoin with its old directory id and an empty log.
 *       {@code StableDirectoryId} derives the directory ids.
 *   <li>{@code TRIBUTARY_RACK} (optional): the node's rack.
 *   <li>{@code TRIBUTARY_CONFIG_DIR} (default {@code /opt/tributary/config}): holds the {@code
 *       server.properties} template.
 *   <li>{@code TRIBUTARY_DATA_DIR} (default {@code /var/lib/kafka/data}): for the template.
 *   <li>{@code TRIBUTARY_WORK_DIR} (default {@code /tmp/tributary}): the rendered {@code
 *       server.properties} is written here.
 *   <li>{@code TRIBUTARY_HEALTH_PORT} (default 8080).
 * </ul>
 *
 * <h2>Template</h2>
 *
 * {@code ${NAME}} placeholders (letters, digits, underscores) are replaced first by the values the
 * launcher computes, {@code TRIBUTARY_NODE_ID}, {@code TRIBUTARY_POD_FQDN}, {@code TRIBUTARY_RACK}
 * (when set) and its own settings with their defaults applied ({@code POD_IP}, {@code
 * TRIBUTARY_CLUSTER_DOMAIN}, {@code TRIBUTARY_CONFIG_DIR}, {@code TRIBUTARY_DATA_DIR}, {@code
 * TRIBUTARY_WORK_DIR}, {@code TRIBUTARY_HEALTH_PORT}), then by environment variables. An unresolved
 * placeholder stops the launcher with a message naming it. When the template does not set {@code
 * log.cleaner.dedupe.buffer.size}, the launcher adds one that fits the heap ({@code
 * DedupeBufferSizing}).
 *
 * <h2>Life cycle</h2>
 *
 * <ol>
 *   <li>Render the template to {@code $TRIBUTARY_WORK_DIR/server.properties}.
 *   <li>Start the health endpoint: {@code GET /healthz} is 200 unless Kafka failed; {@code GET
 *       /readyz} is 200 when the broker state is RUNNING (broker role) and the KRaft client is
 *       leader or follower of a known leader (controller role), else 503; its JSON body says why.
 *   <li>Format the log directories that have no {@code meta.properties} (none on a restart).
 *   <li>Run {@code kafka.Kafka} in this JVM. SIGTERM makes Kafka shut down in a controlled way and
 *       the process exit 0; if Kafka fails or stops by itself, the process exits non-zero.
 * </ol>
 *
 * Any launcher error exits with status 1 after logging the reason.
 */
public final class BrokerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLauncher.class);

    private BrokerLauncher() {}

    public static void main(String[] args) {
        try {
            launch(LauncherEnvironment.from(System.getenv()));
        } catch (LauncherException e) {
            LOG.error("The broker cannot start: {}", e.getMessage(), e.getCause());
            System.exit(1);
        } catch (IOException e) {
            LOG.error("The broker cannot start", e);
            System.exit(1);
        }
    }

    private static void launch(LauncherEnvironment env) throws IOException {
        PodIdentity identity =
                PodIdentity.of(
                        env.podName(),
                        env.podNamespace(),
                        env.headlessService(),
                        env.clusterDomain(),
                        env.nodeIdBase());
        LOG.info("Pod {} is node {} at {}", env.podName(), identity.nodeId(), identity.fqdn());

        ServerPropertiesRenderer.Rendered rendered =
                ServerPropertiesRenderer.render(
                        readTemplate(env.templateFile()),
                        env.computedPlaceholders(identity),
                        env.env(),
                        Runtime.getRuntime().maxMemory());
        Path serverProperties = env.renderedFile();
        Files.createDirectories(serverProperties.getParent());
        Files.writeString(serverProperties, rendered.text(), StandardCharsets.UTF_8);
        LOG.info("Rendered {} to {}", env.templateFile(), serverProperties);

        LauncherState state = new LauncherState();
        JmxNodeMetrics jmx = new JmxNodeMetrics(identity.nodeId());
        HealthServer health =
                HealthServer.start(
                        healthAddress(env),
                        () -> {
                            NodeMetrics metrics = jmx.read();
                            return new HealthReport(
                                    ReadinessCheck.evaluate(
                                            state.phase(), rendered.config().roles(), metrics),
                                    identity.nodeId(),
                                    rendered.config().roles(),
                                    metrics);
                        });
        LOG.info("Health endpoint listening on {}", health.address());

        List<String> dirs = rendered.config().allLogDirs();
        StorageFormatter.run(
                StorageFormatPlan.decide(
                        rendered.config(),
                        StorageFormatter.formatted(dirs),
                        serverProperties,
                        identity.nodeId(),
                        env.clusterId(),
                        env.initialControllers()),
                dirs);

        KafkaRunner.run(serverProperties, state);
    }

    private static String readTemplate(Path template) {
        try {
            return Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException(
                    "Cannot read the server.properties template "
                            + template
                            + " (set "
                            + LauncherEnvironment.CONFIG_DIR
                            + "): "
                            + e,
                    e);
        }
    }

    private static InetSocketAddress healthAddress(LauncherEnvironment env) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(env.bindAddress()), env.healthPort());
    }
}
