package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A broker launched as a child process through the distribution's entrypoint, with a pod's
 * environment, the way the sandbox's kubelet runs a broker container.
 *
 * <p>Every process started here is killed by {@link #close()}, and, should a test JVM end without
 * that, by a shutdown hook: no broker outlives the tests.
 */
final class BrokerProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-brokers"));
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final URI health;
    private final URI metrics;

    private BrokerProcess(String name, Process process, Path log, URI health, URI metrics) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.health = health;
        this.metrics = metrics;
    }

    static BrokerProcess start(
            String name,
            BrokerDistribution distribution,
            Map<String, String> podEnv,
            Path log,
            String podIp,
            int healthPort,
            int metricsPort) {
        ProcessBuilder builder = new ProcessBuilder(distribution.entrypoint().toString());
        // A pod sees only its own environment; the entrypoint needs PATH and a JDK.
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(podEnv);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return new BrokerProcess(
                    name,
                    process,
                    log,
                    URI.create("http://" + podIp + ":" + healthPort),
                    URI.create("http://" + podIp + ":" + metricsPort + "/metrics"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code GET path} on the node's health endpoint; status 0 when nothing answers. */
    Probe probe(String path) {
        return get(health.resolve(path), Duration.ofSeconds(2));
    }

    /** Scrapes the node's Prometheus endpoint, as Prometheus would; fails unless it answers 200. */
    PrometheusMetrics scrapeMetrics() {
        Probe response = get(metrics, Duration.ofSeconds(10));
        assertThat(response.status())
                .as("GET %s on %s: %s", metrics, name, response.body())
                .isEqualTo(200);
        return PrometheusMetrics.parse(response.body());
    }

    private Probe get(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Probe(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a probe answered. */
    record Probe(int status, String body) {}

    void awaitReady(Duration timeout) {
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .failFast(
                        () -> {
                            if (!process.isAlive()) {
                                throw new AssertionError(
                                        name
                                                + " exited with "
                                                + process.exitValue()
                                                + " before it was ready; its log ends with:\n"
                                                + logTail());
                            }
                        })
                .until(() -> probe("/readyz").status() == 200);
    }

    /** Sends SIGTERM, as a pod deletion does, and returns the exit status. */
    int stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        name
                                + " did not exit within "
                                + timeout
                                + "; its log ends with:\n"
                                + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    void assertExitedCleanly(int status) {
        assertThat(status).as("%s exit status; its log ends with:%n%s", name, logTail()).isZero();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
