package io.tributary.sandbox.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return start(kubeconfig, hostsFile, log, List.of(), Map.of());
    }

    /**
     * @param jvmOptions options for the operator's JVM, as its container image would give them
     * @param environment {@code TRIBUTARY_*} settings
     */
    static OperatorProcess start(
            Path kubeconfig,
            Path hostsFile,
            Path log,
            List<String> jvmOptions,
            Map<String, String> environment)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Djdk.net.hosts.file=" + hostsFile);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.tributary.operator.OperatorMain");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        // A free port for /healthz, /readyz and /metrics, unless the caller chooses one.
        builder.environment().put("TRIBUTARY_HTTP_PORT", "0");
        builder.environment().putAll(environment);
        return new OperatorProcess(builder.start());
    }

    long pid() {
        return process.pid();
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
        return procStatus("VmRSS:");
    }

    /** The highest resident set size the process has had, from /proc (Linux). */
    long peakResidentMemoryMiB() throws IOException {
        return procStatus("VmHWM:");
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", process.pid() + "", "status"))) {
            if (line.startsWith(field)) {
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
