package io.tributary.sandbox.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator in a JVM of its own, pointed at the sandbox through a kubeconfig, so that what it
 * costs can be read from the operating system.
 */
final class OperatorProcess implements AutoCloseable {
    private final Process process;

    private OperatorProcess(Process process) {
        this.process = process;
    }

    static OperatorProcess start(Path kubeconfig, Path hostsFile, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder =
                new ProcessBuilder(
                                List.of(
                                        java.toString(),
                                        "-Djdk.net.hosts.file=" + hostsFile,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        "io.tributary.operator.TributaryOperator"))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        return new OperatorProcess(builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Duration cpuTime() {
        return process.info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("CPU time is not available here"));
    }

    /** Resident set size from /proc (Linux). */
    long residentMemoryMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
