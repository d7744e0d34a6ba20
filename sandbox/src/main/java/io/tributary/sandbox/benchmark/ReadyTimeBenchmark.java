package io.tributary.sandbox.benchmark;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.SandboxOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures, on the sandbox, how long the small example cluster takes from {@code kubectl apply} to
 * {@code Ready=True} for its generation, and what the operator costs in CPU and memory while
 * nothing changes. The operator runs as its own JVM, as it does in a real cluster, so its CPU time
 * is its own and not the sandbox's or the brokers'.
 *
 * <p>Arguments: rounds (default 3), steady-state window in seconds (default 120).
 */
public final class ReadyTimeBenchmark {
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);

    private ReadyTimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int steadySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("tributary.root", ".")).toAbsolutePath().normalize();
        Path work =
                Path.of(System.getProperty("tributary.work", "target/benchmark")).toAbsolutePath();
        Path example = root.resolve("examples").resolve("kafka-cluster.yaml");
        String name = KubectlApply.nameOf(example);

        out.printf(
                "Ready-time benchmark: %d rounds of %s, then %d s steady state; %d cores%n",
                rounds, root.relativize(example), steadySeconds, cores());
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.in(work, root));
                OperatorProcess operator =
                        OperatorProcess.start(
                                sandbox.kubeconfig(),
                                sandbox.hostsFile(),
                                work.resolve("operator.log"))) {
            KubernetesClient client = sandbox.client();
            KubectlApply kubectl = new KubectlApply(sandbox.kubeconfig());
            List<Double> seconds = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String namespace = "bench-" + round;
                BenchmarkCluster.createNamespace(client, namespace);
                long start = System.nanoTime();
                kubectl.apply(namespace, example);
                awaitReady(client, namespace, name, operator);
                double elapsed = (System.nanoTime() - start) / 1e9;
                seconds.add(elapsed);
                out.printf("round %d: kubectl apply -> Ready=True in %.1f s%n", round, elapsed);
                if (round < rounds) {
                    deleteAndWait(client, namespace, name);
                }
            }

            out.printf(
                    "settling for 10 s, then measuring the operator for %d s ...%n", steadySeconds);
            Thread.sleep(10_000);
            Duration cpuBefore = operator.cpuTime();
            long wallBefore = System.nanoTime();
            Thread.sleep(steadySeconds * 1000L);
            Duration cpu = operator.cpuTime().minus(cpuBefore);
            double wall = (System.nanoTime() - wallBefore) / 1e9;

            List<Double> sorted = seconds.stream().sorted().toList();
            out.println();
            out.printf(
                    "apply -> Ready: median %.1f s, min %.1f s, max %.1f s over %d rounds (target <"
                            + " 45 s)%n",
                    sorted.get(sorted.size() / 2),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1),
                    sorted.size());
            out.printf(
                    "operator steady state: %.2f%% of one core (%d ms CPU in %.0f s), RSS %d MiB%n",
                    100.0 * cpu.toMillis() / (wall * 1000),
                    cpu.toMillis(),
                    wall,
                    operator.residentMemoryMiB());
        }
    }

    static void awaitReady(
            KubernetesClient client, String namespace, String name, OperatorProcess operator)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaCluster cluster =
                    client.resources(KafkaCluster.class)
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
            if (isReadyForItsGeneration(cluster)) {
                return;
            }
            if (!operator.isAlive()) {
                throw new IllegalStateException("the operator exited; see its log");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                name + " in " + namespace + " was not Ready within " + READY_LIMIT);
    }

    static boolean isReadyForItsGeneration(KafkaCluster cluster) {
        return cluster != null
                && cluster.getStatus() != null
                && cluster.getMetadata()
                        .getGeneration()
                        .equals(cluster.getStatus().getObservedGeneration())
                && cluster.getStatus()
                        .findCondition("Ready")
                        .map(c -> c.getStatus().name().equals("TRUE"))
                        .orElse(false);
    }

    private static void deleteAndWait(KubernetesClient client, String namespace, String name)
            throws InterruptedException {
        client.resources(KafkaCluster.class).inNamespace(namespace).withName(name).delete();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!client.pods().inNamespace(namespace).list().getItems().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pods of " + namespace + " did not go away");
            }
            Thread.sleep(250);
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
