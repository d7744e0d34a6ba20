package io.tributary.broker.distribution;

import io.tributary.broker.storage.InitialControllers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A pool of Kafka nodes described the way the operator will: one server.properties template for
 * every pod, and per pod only the environment differs. Each pod gets its own loopback address and
 * DNS name, as in the sandbox. A pool with the controller role forms the quorum; a broker-only pool
 * joins another pool's quorum.
 */
final class NodePool implements AutoCloseable {
    private final String name;
    private final String namespace;
    private final String roles;
    private final BrokerDistribution distribution;
    private final List<String> ips;
    private final int nodeIdBase;
    private final NodePool quorum;
    private final Path root;
    private final String clusterId;
    private final int brokerPort;
    private final int controllerPort;
    private final int healthPort;
    private final int metricsPort;
    private final List<BrokerProcess> started = new ArrayList<>();

    private NodePool(
            String cluster,
            String pool,
            String roles,
            BrokerDistribution distribution,
            List<String> ips,
            int nodeIdBase,
            NodePool quorum) {
        this.name = cluster + "-" + pool;
        this.namespace = "it-" + cluster;
        this.roles = roles;
        this.distribution = distribution;
        this.ips = List.copyOf(ips);
        this.nodeIdBase = nodeIdBase;
        this.quorum = quorum == null ? this : quorum;
        this.clusterId = quorum == null ? Uuid.randomUuid().toString() : quorum.clusterId;
        this.root =
                Path.of(System.getProperty("tributary.it.work.dir", "target/it"))
                        .resolve(name)
                        .toAbsolutePath();
        List<Integer> ports = FreePorts.onAll(ips, 4);
        this.brokerPort = ports.get(0);
        this.controllerPort = ports.get(1);
        this.healthPort = ports.get(2);
        this.metricsPort = ports.get(3);
        for (int i = 0; i < ips.size(); i++) {
            HostsFile.add(fqdn(i), ips.get(i));
        }
        writeTemplate();
    }

    /** Combined broker+controller nodes forming their own quorum. */
    static NodePool combined(String cluster, BrokerDistribution distribution, List<String> ips) {
        return new NodePool(cluster, "pool", "broker,controller", distribution, ips, 0, null);
    }

    /** Controller-only nodes forming the quorum of a cluster. */
    static NodePool controllers(String cluster, BrokerDistribution distribution, List<String> ips) {
        return new NodePool(cluster, "controllers", "controller", distribution, ips, 0, null);
    }

    /** Broker-only nodes, with node ids from 100, joining the controllers' quorum. */
    static NodePool brokers(
            NodePool controllers, BrokerDistribution distribution, List<String> ips) {
        String cluster = controllers.namespace.substring("it-".length());
        return new NodePool(cluster, "brokers", "broker", distribution, ips, 100, controllers);
    }

    String podName(int ordinal) {
        return name + "-" + ordinal;
    }

    String fqdn(int ordinal) {
        return podName(ordinal) + "." + name + "." + namespace + ".svc.cluster.local";
    }

    String bootstrapServers() {
        return IntStream.range(0, ips.size())
                .mapToObj(i -> fqdn(i) + ":" + brokerPort)
                .collect(Collectors.joining(","));
    }

    /** The broker JVM's options: a small heap, and the sandbox's hosts file. */
    static String jvmOptions(String maxHeap) {
        return "-Xmx" + maxHeap + " -Djdk.net.hosts.file=" + HostsFile.path();
    }

    Path renderedConfig(int ordinal) {
        return root.resolve("tmp-" + podName(ordinal)).resolve("server.properties");
    }

    Path dataDir(int ordinal) {
        return root.resolve("pvc-" + podName(ordinal));
    }

    Path metaProperties(int ordinal) {
        return dataDir(ordinal).resolve("kafka-log").resolve("meta.properties");
    }

    /** Starts the pod's broker; it shares the template and keeps its data dir across restarts. */
    BrokerProcess start(int ordinal) {
        return start(ordinal, Map.of());
    }

    BrokerProcess start(int ordinal, Map<String, String> envOverrides) {
        Map<String, String> env = new HashMap<>();
        env.put("POD_NAME", podName(ordinal));
        env.put("POD_NAMESPACE", namespace);
        env.put("POD_IP", ips.get(ordinal));
        env.put("TRIBUTARY_NODE_ID_BASE", Integer.toString(nodeIdBase));
        env.put("TRIBUTARY_HEADLESS_SERVICE", name);
        env.put("TRIBUTARY_CLUSTER_ID", clusterId);
        // Every pool gets the list; the launcher uses it only on the controllers it names.
        env.put("TRIBUTARY_INITIAL_CONTROLLERS", quorum.initialControllers());
        env.put("TRIBUTARY_CONFIG_DIR", root.resolve("config").toString());
        env.put("TRIBUTARY_DATA_DIR", dataDir(ordinal).toString());
        env.put("TRIBUTARY_WORK_DIR", renderedConfig(ordinal).getParent().toString());
        env.put("TRIBUTARY_HEALTH_PORT", Integer.toString(healthPort));
        env.put("TRIBUTARY_METRICS_PORT", Integer.toString(metricsPort));
        env.put("TRIBUTARY_JVM_OPTS", jvmOptions("256m"));
        env.putAll(envOverrides);
        Path log = root.resolve("logs").resolve(podName(ordinal) + "-" + started.size() + ".log");
        BrokerProcess process =
                BrokerProcess.start(
                        podName(ordinal),
                        distribution,
                        env,
                        log,
                        ips.get(ordinal),
                        healthPort,
                        metricsPort);
        started.add(process);
        return process;
    }

    List<BrokerProcess> startAll() {
        return IntStream.range(0, ips.size()).mapToObj(this::start).toList();
    }

    /** A ConfigMap with {@code extraLines} added to the pool's template: a config directory. */
    Path templateWith(String extraLines) {
        try {
            Path dir = Files.createDirectories(root.resolve("config-variant"));
            Files.writeString(
                    dir.resolve("server.properties"),
                    Files.readString(root.resolve("config").resolve("server.properties"))
                            + extraLines
                            + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills whatever is still running, without waiting for a controlled shutdown. */
    @Override
    public void close() {
        started.forEach(BrokerProcess::close);
    }

    private String initialControllers() {
        List<String> hosts = IntStream.range(0, ips.size()).mapToObj(this::fqdn).toList();
        return InitialControllers.of(clusterId, nodeIdBase, hosts, controllerPort).toArgument();
    }

    private String quorumBootstrapServers() {
        return IntStream.range(0, quorum.ips.size())
                .mapToObj(i -> quorum.fqdn(i) + ":" + quorum.controllerPort)
                .collect(Collectors.joining(","));
    }

    private void writeTemplate() {
        boolean broker = roles.contains("broker");
        boolean controller = roles.contains("controller");
        List<String> listeners = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        if (broker) {
            listeners.add("PLAIN://${POD_IP}:" + brokerPort);
            advertised.add("PLAIN://${TRIBUTARY_POD_FQDN}:" + brokerPort);
        }
        if (controller) {
            listeners.add("CONTROLLER://${POD_IP}:" + controllerPort);
            advertised.add("CONTROLLER://${TRIBUTARY_POD_FQDN}:" + controllerPort);
        }
        int replicas = broker ? ips.size() : 1;
        int minIsr = Math.min(2, replicas);
        List<String> lines =
                new ArrayList<>(
                        List.of(
                                "# Written once for the whole pool, like the operator's ConfigMap.",
                                "process.roles=" + roles,
                                "node.id=${TRIBUTARY_NODE_ID}",
                                "controller.listener.names=CONTROLLER",
                                "listeners=" + String.join(",", listeners),
                                "advertised.listeners=" + String.join(",", advertised),
                                "listener.security.protocol.map=PLAIN:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                "controller.quorum.bootstrap.servers=" + quorumBootstrapServers(),
                                "log.dirs=${TRIBUTARY_DATA_DIR}/kafka-log"));
        if (broker) {
            lines.addAll(
                    List.of(
                            "inter.broker.listener.name=PLAIN",
                            "default.replication.factor=" + replicas,
                            "min.insync.replicas=" + minIsr,
                            "offsets.topic.replication.factor=" + replicas,
                            "transaction.state.log.replication.factor=" + replicas,
                            "transaction.state.log.min.isr=" + minIsr,
                            "share.coordinator.state.topic.replication.factor=" + replicas,
                            "share.coordinator.state.topic.min.isr=" + minIsr,
                            "# Small and quick for tests on a 2-core machine.",
                            "num.partitions=1",
                            "offsets.topic.num.partitions=1",
                            "transaction.state.log.num.partitions=1",
                            "share.coordinator.state.topic.num.partitions=1",
                            "log.segment.bytes=1048576",
                            "group.initial.rebalance.delay.ms=0",
                            "num.io.threads=2",
                            "num.recovery.threads.per.data.dir=1"));
        }
        lines.addAll(List.of("num.network.threads=2", "background.threads=2", ""));
        try {
            deleteRecursively(root);
            Files.createDirectories(root.resolve("config"));
            Files.writeString(
                    root.resolve("config").resolve("server.properties"), String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
