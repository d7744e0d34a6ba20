package io.tributary.sandbox.benchmark;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.PoolState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Rolls the small example cluster on the sandbox under a continuous producer and prints the roll's
 * total time next to its floor: the sum, over the nodes, of each one's own restart (from its pod
 * being deleted to its replacement being ready) plus its ISR catch-up. What the roll takes beyond
 * that floor is the operator's own overhead. Also prints the producer's longest stall and any
 * failed sends.
 *
 * <p>Arguments: rounds (default 2).
 */
public final class RollBenchmark {
    private static final String TOPIC = "benchmark";

    private RollBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("tributary.root", ".")).toAbsolutePath().normalize();
        Path work =
                Path.of(System.getProperty("tributary.work", "target/benchmark")).toAbsolutePath();
        Path example = root.resolve("examples").resolve("kafka-cluster.yaml");
        String name = KubectlApply.nameOf(example);
        String namespace = "bench";
        out.printf(
                "Roll benchmark: %d rolls of %s under a continuous producer; %d cores%n",
                rounds, root.relativize(example), Runtime.getRuntime().availableProcessors());
        try (BenchmarkCluster cluster =
                BenchmarkCluster.start(
                        root, work, example, namespace, List.of(), Map.of(), sandbox -> {})) {
            KubernetesClient client = cluster.client();
            String bootstrap = cluster.bootstrap();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                    BenchmarkProducer producer = new BenchmarkProducer(bootstrap, TOPIC)) {
                admin.createTopics(
                                List.of(
                                        new NewTopic(TOPIC, 6, (short) 3)
                                                .configs(Map.of("min.insync.replicas", "2"))))
                        .all()
                        .get(60, TimeUnit.SECONDS);
                producer.start();
                Thread.sleep(3_000);
                for (int round = 1; round <= rounds; round++) {
                    RollTimes times = roll(client, admin, namespace, name, round);
                    out.printf(
                            "roll %d: %.1f s; floor (restart + ISR catch-up per node: %s) %.1f s;"
                                    + " ratio %.2f%n",
                            round,
                            times.total().toMillis() / 1000.0,
                            times.perNode(),
                            times.floor().toMillis() / 1000.0,
                            (double) times.total().toMillis() / times.floor().toMillis());
                }
                producer.stop();
                out.printf(
                        "producer: %d records acknowledged, %d failed sends, longest stall %.1f"
                                + " s%n",
                        producer.acknowledged(),
                        producer.failures(),
                        producer.longestStall().toMillis() / 1000.0);
            }
        }
    }

    /** The roll's total time and its floor, with each node's share of the floor. */
    record RollTimes(Duration total, Duration floor, String perNode) {}

    private static RollTimes roll(
            KubernetesClient client, Admin admin, String namespace, String name, int round)
            throws Exception {
        Map<String, String> uids = podUids(client, namespace);
        Map<String, Long> deletedAt = new HashMap<>();
        Map<String, Long> backAt = new HashMap<>();
        long start = System.nanoTime();
        client.resources(KafkaCluster.class)
                .inNamespace(namespace)
                .withName(name)
                .edit(
                        c -> {
                            c.getSpec()
                                    .getConfig()
                                    .put("queued.max.requests", Integer.toString(500 + round));
                            return c;
                        });
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            Map<String, Pod> pods = pods(client, namespace);
            for (Map.Entry<String, String> old : uids.entrySet()) {
                Pod pod = pods.get(old.getKey());
                boolean oldGone =
                        pod == null
                                || !pod.getMetadata().getUid().equals(old.getValue())
                                || pod.getMetadata().getDeletionTimestamp() != null;
                if (oldGone) {
                    deletedAt.putIfAbsent(old.getKey(), now);
                }
                if (oldGone
                        && !backAt.containsKey(old.getKey())
                        && pod != null
                        && !pod.getMetadata().getUid().equals(old.getValue())
                        && PoolState.isReady(pod)
                        && inAllIsrs(admin, nodeId(old.getKey()))) {
                    backAt.put(old.getKey(), System.nanoTime());
                }
            }
            KafkaCluster cluster =
                    client.resources(KafkaCluster.class)
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
            if (backAt.size() == uids.size()
                    && cluster.getStatus().getRoll() == null
                    && ReadyTimeBenchmark.isReadyForItsGeneration(cluster)) {
                long end = System.nanoTime();
                long floor = 0;
                StringBuilder perNode = new StringBuilder();
                for (String pod : uids.keySet()) {
                    long share = backAt.get(pod) - deletedAt.get(pod);
                    floor += share;
                    perNode.append(perNode.isEmpty() ? "" : ", ")
                            .append(String.format("%.1f", share / 1e9));
                }
                return new RollTimes(
                        Duration.ofNanos(end - start), Duration.ofNanos(floor), perNode.toString());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the roll did not finish within 10 minutes");
    }

    private static boolean inAllIsrs(Admin admin, int nodeId) throws Exception {
        Map<String, TopicDescription> topics =
                admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS);
        for (TopicDescription topic : topics.values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                boolean replica = partition.replicas().stream().anyMatch(n -> n.id() == nodeId);
                boolean inSync =
                        partition.isr().stream().map(Node::id).anyMatch(id -> id == nodeId);
                if (replica && !inSync) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int nodeId(String pod) {
        return Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
    }

    private static Map<String, Pod> pods(KubernetesClient client, String namespace) {
        Map<String, Pod> pods = new HashMap<>();
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            pods.put(pod.getMetadata().getName(), pod);
        }
        return pods;
    }

    private static Map<String, String> podUids(KubernetesClient client, String namespace) {
        Map<String, String> uids = new java.util.TreeMap<>();
        pods(client, namespace).forEach((n, p) -> uids.put(n, p.getMetadata().getUid()));
        return uids;
    }
}
