package io.tributary.sandbox.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates N KafkaTopic resources on the sandbox and measures the time until every one is Ready and
 * exists in Kafka, next to the floor: the same number of topics created directly with batched
 * {@code Admin.createTopics}. Then counts the operator's writes to Kafka during resyncs of the
 * unchanged topics (every write it makes is logged), and reads the operator's peak RSS. Topics have
 * one partition and one replica, so that the sandbox's small brokers hold 10,000 of them.
 *
 * <p>Arguments: N (default 1000).
 */
public final class TopicBenchmark {
    private static final int RESYNC_SECONDS = 20;
    private static final List<String> OPERATOR_JVM =
            List.of(
                    "-Xms64m",
                    "-Xmx160m",
                    "-Xss512k",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=64m",
                    "-XX:MaxMetaspaceSize=96m",
                    "-Dtributary.log.level=INFO");
    private static final Pattern WRITE =
            Pattern.compile("Topic \\S+: (created|config of|partitions of|replication factor)");

    private TopicBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("tributary.root", ".")).toAbsolutePath().normalize();
        Path work =
                Path.of(System.getProperty("tributary.work", "target/benchmark")).toAbsolutePath();
        Path example = root.resolve("examples").resolve("kafka-cluster.yaml");
        String cluster = KubectlApply.nameOf(example);
        String namespace = "topics";
        Path log = work.resolve("operator.log");
        out.printf(
                "Topic benchmark: %d KafkaTopics (1 partition, 1 replica) on %s; operator JVM %s;"
                        + " %d cores%n",
                count,
                root.relativize(example),
                OPERATOR_JVM,
                Runtime.getRuntime().availableProcessors());
        try (BenchmarkCluster benchmarkCluster =
                BenchmarkCluster.start(
                        root,
                        work,
                        example,
                        namespace,
                        operatorJvm(work),
                        Map.of(
                                "TRIBUTARY_RESYNC_INTERVAL_SECONDS",
                                Integer.toString(RESYNC_SECONDS)))) {
            KubernetesClient client = benchmarkCluster.client();
            OperatorProcess operator = benchmarkCluster.operator();
            String bootstrap = benchmarkCluster.bootstrap();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                double floor = direct(admin, count);
                out.printf(
                        "floor: %d topics with batched Admin.createTopics in %.1f s%n",
                        count, floor);

                long start = System.nanoTime();
                java.time.Duration operatorCpu = operator.cpuTime();
                java.time.Duration sandboxCpu =
                        ProcessHandle.current().info().totalCpuDuration().orElseThrow();
                createResources(client, namespace, cluster, count);
                double created = (System.nanoTime() - start) / 1e9;
                awaitAllReady(client, admin, namespace, count, operator);
                double total = (System.nanoTime() - start) / 1e9;
                out.printf(
                        "operator: %d KafkaTopics Ready and in Kafka in %.1f s (the resources took"
                                + " %.1f s to create); ratio to the floor %.2f%n",
                        count, total, created, total / floor);
                out.printf(
                        "CPU meanwhile: operator %.1f s, sandbox (API server, kubelet, this"
                                + " client) %.1f s%n",
                        operator.cpuTime().minus(operatorCpu).toMillis() / 1000.0,
                        ProcessHandle.current()
                                        .info()
                                        .totalCpuDuration()
                                        .orElseThrow()
                                        .minus(sandboxCpu)
                                        .toMillis()
                                / 1000.0);

                long writesBefore = writes(log);
                Thread.sleep((2L * RESYNC_SECONDS + 5) * 1000);
                long writes = writes(log) - writesBefore;
                out.printf(
                        "resync: %d Admin writes in %d s (two resyncs of every unchanged topic)%n",
                        writes, 2 * RESYNC_SECONDS + 5);
                out.printf(
                        "operator peak RSS %d MiB (now %d MiB)%n",
                        operator.peakResidentMemoryMiB(), operator.residentMemoryMiB());
            }
        }
    }

    /** The operator's JVM options; {@code -Dtributary.profile=true} adds a flight recording. */
    private static List<String> operatorJvm(Path work) {
        List<String> options = new ArrayList<>(OPERATOR_JVM);
        if (Boolean.getBoolean("tributary.profile")) {
            options.add(
                    "-XX:StartFlightRecording=filename="
                            + work.resolve("operator.jfr")
                            + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    /** Creates the topics directly, 500 per request, and deletes them again; returns seconds. */
    private static double direct(Admin admin, int count) throws Exception {
        long start = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int from = 0; from < count; from += 500) {
            List<NewTopic> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                batch.add(new NewTopic("direct-" + i, 1, (short) 1));
                names.add("direct-" + i);
            }
            admin.createTopics(batch).all().get(5, TimeUnit.MINUTES);
        }
        while (!admin.listTopics().names().get(1, TimeUnit.MINUTES).containsAll(names)) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        admin.deleteTopics(names).all().get(5, TimeUnit.MINUTES);
        return seconds;
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

    private static void awaitAllReady(
            KubernetesClient client,
            Admin admin,
            String namespace,
            int count,
            OperatorProcess operator)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            long ready =
                    client
                            .resources(KafkaTopic.class)
                            .inNamespace(namespace)
                            .list()
                            .getItems()
                            .stream()
                            .filter(
                                    t ->
                                            t.getStatus() != null
                                                    && t.getStatus().findCondition("Ready").stream()
                                                            .anyMatch(
                                                                    c ->
                                                                            c.getStatus()
                                                                                    == ConditionStatus
                                                                                            .TRUE))
                            .count();
            if (ready == count) {
                Set<String> names = admin.listTopics().names().get(1, TimeUnit.MINUTES);
                long inKafka = names.stream().filter(n -> n.startsWith("topic-")).count();
                if (inKafka == count) {
                    return;
                }
            }
            if (!operator.isAlive()) {
                throw new IllegalStateException("the operator exited; see its log");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not all topics were Ready within 15 minutes");
    }

    private static long writes(Path log) throws Exception {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> WRITE.matcher(l).find()).count();
        }
    }
}
