package io.tributary.sandbox.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.NodePoolSpec;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates N KafkaTopic resources on the sandbox and measures the time until every one is Ready and
 * exists in Kafka, next to the floor: the same number of topics created directly with batched
 * {@code Admin.createTopics}, after a first such round that warms the brokers up; and next to the
 * time the bare sandbox takes to store the same resources, before anything else runs. The operator
 * runs with its default settings meanwhile. Then it is restarted with a short resync interval, and
 * its writes to Kafka (every write it makes is logged) are counted over its start-up and two
 * resyncs: one topic is given drift before the restart, so exactly one write is expected, and its
 * being undone shows the operator looked at the topics. Topics have one partition and one replica,
 * so that the sandbox's small brokers hold 10,000 of them.
 *
 * <p>Arguments: N (default 1000).
 */
public final class TopicBenchmark {
    private static final int RESYNC_SECONDS = 20;
    private static final String BROKER_HEAP = "1g";
    private static final String DRIFTED = "topic-0";
    private static final Pattern WRITE =
            Pattern.compile("Topic \\S+: (created|config of|partitions of|replication factor)");

    private TopicBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("tributary.root", ".")).toAbsolutePath().normalize();
        Path work =
                Path.of(System.getProperty("tributary.work", "target/benchmark")).toAbsolutePath();
        Path example = sizedForTopics(root.resolve("examples").resolve("kafka-cluster.yaml"), work);
        // The operator runs as its image runs it (operator/Dockerfile), with INFO logs so that
        // its writes to Kafka can be counted.
        List<String> jvm = new ArrayList<>(OperatorImage.jvmOptions(root));
        jvm.add("-Dtributary.log.level=INFO");
        Map<String, String> environment = new java.util.HashMap<>(OperatorImage.environment(root));
        environment.remove("JAVA_TOOL_OPTIONS");
        String cluster = KubectlApply.nameOf(example);
        String namespace = "topics";
        out.printf(
                "Topic benchmark: %d KafkaTopics (1 partition, 1 replica) on"
                        + " examples/kafka-cluster.yaml with a broker heap of %s; operator JVM %s,"
                        + " environment %s; %d cores%n",
                count, BROKER_HEAP, jvm, environment, Runtime.getRuntime().availableProcessors());
        ApiRound[] api = new ApiRound[1];
        try (BenchmarkCluster benchmarkCluster =
                BenchmarkCluster.start(
                        root,
                        work,
                        example,
                        namespace,
                        withDiagnostics(jvm, work),
                        environment,
                        sandbox -> api[0] = apiAlone(sandbox.client(), cluster, count))) {
            out.printf(
                    "the API server alone (no operator, no brokers): %d KafkaTopics created in"
                            + " %.1f s (sandbox CPU %.1f s)%n",
                    count, api[0].seconds(), api[0].sandboxCpuSeconds());
            KubernetesClient client = benchmarkCluster.client();
            OperatorProcess operator = benchmarkCluster.operator();
            String bootstrap = benchmarkCluster.bootstrap();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                // Fresh brokers are slow at their first thousands of creations (their JIT is
                // cold; the same round took from 15 to 39 s): the first round warms them up, as
                // it does for the operator's turn, and the second is the floor.
                DirectRound cold = direct(admin, "cold-", count, work, operator);
                out.printf(
                        "first round (fresh brokers): %d topics with batched Admin.createTopics in"
                                + " %.1f s (broker CPU %.1f s)%n",
                        count, cold.seconds(), cold.brokerCpuSeconds());
                DirectRound direct = direct(admin, "direct-", count, work, operator);
                double floor = direct.seconds();
                out.printf(
                        "floor: %d topics with batched Admin.createTopics in %.1f s (broker CPU"
                                + " %.1f s)%n",
                        count, floor, direct.brokerCpuSeconds());

                long start = System.nanoTime();
                double brokerCpu = brokerCpuSeconds(operator);
                java.time.Duration operatorCpu = operator.cpuTime();
                java.time.Duration sandboxCpu =
                        ProcessHandle.current().info().totalCpuDuration().orElseThrow();
                double created;
                // Heard from before the first resource exists, so that no change is missed.
                try (ReadyTopics ready =
                        ReadyTopics.listen(benchmarkCluster.sandbox(), namespace)) {
                    createResources(client, namespace, cluster, count);
                    created = (System.nanoTime() - start) / 1e9;
                    awaitAllReady(ready, admin, count, operator);
                }
                double total = (System.nanoTime() - start) / 1e9;
                out.printf(
                        "operator: %d KafkaTopics Ready and in Kafka in %.1f s (the resources took"
                                + " %.1f s to create); ratio to the floor %.2f%n",
                        count, total, created, total / floor);
                out.printf(
                        "CPU meanwhile: operator %.1f s, brokers %.1f s, sandbox (API server,"
                                + " kubelet, this client) %.1f s%n",
                        operator.cpuTime().minus(operatorCpu).toMillis() / 1000.0,
                        brokerCpuSeconds(operator) - brokerCpu,
                        ProcessHandle.current()
                                        .info()
                                        .totalCpuDuration()
                                        .orElseThrow()
                                        .minus(sandboxCpu)
                                        .toMillis()
                                / 1000.0);

                out.printf(
                        "operator peak RSS %d MiB (now %d MiB)%n",
                        operator.peakResidentMemoryMiB(), operator.residentMemoryMiB());
                if (Boolean.getBoolean("tributary.histogram")) {
                    jcmd(operator, "GC.class_histogram", work.resolve("operator-histogram.txt"));
                    jcmd(
                            operator,
                            "VM.native_memory summary",
                            work.resolve("operator-native-memory.txt"));
                    out.printf(
                            "operator heap histogram and native memory: %s, %s%n",
                            work.resolve("operator-histogram.txt"),
                            work.resolve("operator-native-memory.txt"));
                }

                // One topic drifts while no operator runs: undoing it is the restarted operator's
                // one write, and shows that it looked at the topics at all.
                setRetention(admin, DRIFTED, "3600000");
                Path resyncLog = work.resolve("operator-resync.log");
                OperatorProcess resyncing =
                        benchmarkCluster.restartOperator(resyncLog, jvm, withResync(environment));
                // At 10,000 topics the start-up reconcile takes longer than a resync interval, so
                // the two resyncs are counted from the moment the drift is undone.
                long restarted = System.nanoTime();
                long deadline = restarted + TimeUnit.MINUTES.toNanos(5);
                boolean undone = false;
                while (!undone && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    undone = dynamicRetention(admin, DRIFTED).isEmpty();
                }
                double undoneAfter = (System.nanoTime() - restarted) / 1e9;
                Thread.sleep((2L * RESYNC_SECONDS + 5) * 1000L);
                long window = Math.round((System.nanoTime() - restarted) / 1e9);
                long resyncWrites = writes(resyncLog);
                out.printf(
                        "restart and resync: a restarted operator (resync every %d s) %s the drift"
                                + " planted on %s%s; in its first %d s, its start-up reconcile and"
                                + " two resyncs after that, it made %d Admin writes, which leaves"
                                + " %d for the %d unchanged topics; its peak RSS %d MiB%n",
                        RESYNC_SECONDS,
                        undone ? "undid" : "did NOT undo",
                        DRIFTED,
                        undone ? " after %.1f s".formatted(undoneAfter) : "",
                        window,
                        resyncWrites,
                        undone ? resyncWrites - 1 : resyncWrites,
                        count - 1,
                        resyncing.peakResidentMemoryMiB());
            }
        }
    }

    /**
     * The example cluster with brokers sized for thousands of partitions: its 256 MiB heap is meant
     * for a few topics, and with 10,000 the brokers spent their time collecting garbage (the floor
     * itself took from 21 to 68 s).
     */
    private static Path sizedForTopics(Path example, Path work) throws Exception {
        KafkaCluster cluster =
                Serialization.unmarshal(Files.readString(example), KafkaCluster.class);
        NodePoolSpec brokers = cluster.getSpec().getBrokers();
        brokers.getJvmOptions().setHeap(BROKER_HEAP);
        brokers.setResources(null);
        // The floor's deleted topics leave the brokers' disks at once rather than after a minute.
        cluster.getSpec().getConfig().put("log.segment.delete.delay.ms", "0");
        Files.createDirectories(work);
        Path sized = work.resolve("kafka-cluster-for-topics.yaml");
        Files.writeString(sized, Serialization.asYaml(cluster));
        return sized;
    }

    /** Runs a {@code jcmd} command against the operator's JVM, its answer written to a file. */
    private static void jcmd(OperatorProcess operator, String command, Path output)
            throws Exception {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(operator.pid()));
        line.addAll(List.of(command.split(" ")));
        new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start()
                .waitFor(2, TimeUnit.MINUTES);
    }

    private static void setRetention(Admin admin, String topic, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry("retention.ms", value), OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(set)))
                .all()
                .get(1, TimeUnit.MINUTES);
    }

    /** The topic's own retention.ms, when it has one. */
    private static Optional<String> dynamicRetention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry entry =
                admin.describeConfigs(List.of(resource))
                        .all()
                        .get(1, TimeUnit.MINUTES)
                        .get(resource)
                        .get("retention.ms");
        return entry != null && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
                ? Optional.of(entry.value())
                : Optional.empty();
    }

    private static Map<String, String> withResync(Map<String, String> environment) {
        Map<String, String> resync = new java.util.HashMap<>(environment);
        resync.put("TRIBUTARY_RESYNC_INTERVAL_SECONDS", Integer.toString(RESYNC_SECONDS));
        return resync;
    }

    /**
     * The operator's JVM options with the diagnostics asked for: {@code -Dtributary.profile=true}
     * adds a flight recording, {@code -Dtributary.histogram=true} native memory tracking.
     */
    private static List<String> withDiagnostics(List<String> jvm, Path work) {
        List<String> options = new ArrayList<>(jvm);
        if (Boolean.getBoolean("tributary.histogram")) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        if (Boolean.getBoolean("tributary.profile")) {
            options.add(
                    "-XX:StartFlightRecording=filename="
                            + work.resolve("operator.jfr")
                            + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    /** The resources created with nothing to react to them: seconds, and the sandbox's CPU. */
    private record ApiRound(double seconds, double sandboxCpuSeconds) {}

    /**
     * Creates the KafkaTopics in a namespace of their own on the bare sandbox (the operator and the
     * brokers are not started yet) and deletes them again: how fast the stand-in API server alone
     * takes them, the part of the operator's time that no operator can save. It also warms the API
     * server up, as the first direct round warms the brokers.
     */
    private static ApiRound apiAlone(KubernetesClient client, String cluster, int count)
            throws Exception {
        String namespace = "api-alone";
        BenchmarkCluster.createNamespace(client, namespace);
        java.time.Duration cpuBefore =
                ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        long start = System.nanoTime();
        createResources(client, namespace, cluster, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        java.time.Duration cpu =
                ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
        client.resources(KafkaTopic.class).inNamespace(namespace).delete();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!client.resources(KafkaTopic.class)
                .inNamespace(namespace)
                .list()
                .getItems()
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API server kept the deleted KafkaTopics");
            }
            Thread.sleep(200);
        }
        return new ApiRound(seconds, cpu.toMillis() / 1000.0);
    }

    /** A round of direct creations: its seconds, and the brokers' CPU meanwhile. */
    private record DirectRound(double seconds, double brokerCpuSeconds) {}

    /** Creates the topics directly, 500 per request, and deletes them again. */
    private static DirectRound direct(
            Admin admin, String prefix, int count, Path work, OperatorProcess operator)
            throws Exception {
        double brokersBefore = brokerCpuSeconds(operator);
        long start = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int from = 0; from < count; from += 500) {
            List<NewTopic> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                // Like the operator's topics, without configs of their own: a topic config costs
                // each broker a scan of all its logs when the topic is created and deleted.
                batch.add(new NewTopic(prefix + i, 1, (short) 1));
                names.add(prefix + i);
            }
            admin.createTopics(batch).all().get(5, TimeUnit.MINUTES);
        }
        while (!admin.listTopics().names().get(1, TimeUnit.MINUTES).containsAll(names)) {
            Thread.sleep(50);
        }
        DirectRound round =
                new DirectRound(
                        (System.nanoTime() - start) / 1e9,
                        brokerCpuSeconds(operator) - brokersBefore);
        admin.deleteTopics(names).all().get(5, TimeUnit.MINUTES);
        awaitLogsDeleted(work);
        awaitBrokersIdle(operator);
        return round;
    }

    /** The brokers' CPU seconds per second, together, over a few seconds. */
    private static double brokerCpuRate(OperatorProcess operator) throws InterruptedException {
        double before = brokerCpuSeconds(operator);
        Thread.sleep(3000);
        return (brokerCpuSeconds(operator) - before) / 3;
    }

    /**
     * Waits until the brokers, together, use less than half a core: deleting thousands of topics
     * keeps them at one to two cores well after their logs are gone, and that work must not be
     * counted against the operator. Idle, they use a fifth to a third of a core (their schedulers),
     * more after each round of topics, so a fixed margin over the idle rate measured before does
     * not do.
     */
    private static void awaitBrokersIdle(OperatorProcess operator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (brokerCpuRate(operator) < 0.5) {
                return;
            }
        }
        throw new IllegalStateException("the brokers were still busy 5 min after the floor");
    }

    /** Waits until no broker holds a deleted partition's log directory any more. */
    private static void awaitLogsDeleted(Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (var paths = Files.walk(work)) {
                if (paths.noneMatch(
                        p ->
                                p.getFileName().toString().endsWith("-delete")
                                        && Files.isDirectory(p))) {
                    return;
                }
            } catch (java.io.UncheckedIOException e) {
                // a directory went while it was walked: look again
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the brokers did not delete the floor's topics in 5 min");
    }

    private static void createResources(
            KubernetesClient client, String namespace, String cluster, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(
                        pool.submit(
                                () -> {
                                    KafkaTopic topic = new KafkaTopic();
                                    topic.getMetadata().setName("topic-" + n);
                                    topic.getMetadata().setNamespace(namespace);
                                    KafkaTopicSpec spec = new KafkaTopicSpec();
                                    spec.setClusterRef(new ClusterRef(cluster));
                                    spec.setPartitions(1);
                                    spec.setReplicationFactor(1);
                                    topic.setSpec(spec);
                                    client.resource(topic).create();
                                }));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until all topics are Ready and Kafka lists them all. */
    private static void awaitAllReady(
            ReadyTopics ready, Admin admin, int count, OperatorProcess operator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (ready.count() == count) {
                Set<String> names = admin.listTopics().names().get(1, TimeUnit.MINUTES);
                long inKafka = names.stream().filter(n -> n.startsWith("topic-")).count();
                if (inKafka == count) {
                    return;
                }
            }
            if (!operator.isAlive()) {
                throw new IllegalStateException("the operator exited; see its log");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not all topics were Ready within 15 minutes");
    }

    /** CPU time of the broker JVMs: the sandbox's descendant processes other than the operator. */
    private static double brokerCpuSeconds(OperatorProcess operator) {
        return ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.pid() != operator.pid())
                        .mapToLong(
                                p ->
                                        p.info()
                                                .totalCpuDuration()
                                                .map(java.time.Duration::toMillis)
                                                .orElse(0L))
                        .sum()
                / 1000.0;
    }

    private static long writes(Path log) throws Exception {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> WRITE.matcher(l).find()).count();
        }
    }
}
