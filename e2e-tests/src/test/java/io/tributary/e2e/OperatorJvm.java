package io.tributary.e2e;

import io.tributary.sandbox.benchmark.OperatorImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's runnable jar ({@code operator/target}) in a JVM of its own, run as its image runs
 * it: {@code java -jar} with the image's JVM environment (read from {@code operator/Dockerfile}),
 * the container's environment and arguments, and only those, plus the sandbox's kubeconfig and
 * hosts file.
 */
final class OperatorJvm implements AutoCloseable {
    private final Process process;
    private final int httpPort;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OperatorJvm(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    static Path root() {
        return Path.of(System.getProperty("tributary.root", "..")).toAbsolutePath().normalize();
    }

    /** The jar {@code ./mvnw package} builds. */
    static Path jar() {
        Path jar =
                root().resolve(
                                "operator/target/tributary-operator-"
                                        + System.getProperty("tributary.version")
                                        + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing; build it with ./mvnw -pl operator -am package");
        }
        return jar;
    }

    /** The environment the operator image sets for its JVM. */
    static Map<String, String> imageEnvironment() {
        return OperatorImage.environment(root());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param environment the container's environment; {@code TRIBUTARY_HTTP_PORT} must be set
     */
    static OperatorJvm start(
            Map<String, String> environment,
            List<String> args,
            Path kubeconfig,
            Path hostsFile,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(imageEnvironment());
        env.putAll(environment);
        env.put(
                "JAVA_TOOL_OPTIONS",
                env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " -Djdk.net.hosts.file=" + hostsFile);
        env.put("KUBECONFIG", kubeconfig.toString());
        return new OperatorJvm(
                builder.start(), Integer.parseInt(environment.get("TRIBUTARY_HTTP_PORT")), log);
    }

    /** A GET on the operator's HTTP port; status -1 when nothing answers. */
    HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("nothing answers on port " + httpPort + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean ready() {
        try {
            return get("/readyz").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    String metrics() {
        return get("/metrics").body();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The highest resident set size the process has had, from /proc (Linux). */
    long peakResidentMemoryMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** The last lines of the operator's output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as Kubernetes stops a container; SIGKILL after 30 s. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
