package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of a container: a local process with the container's environment and nothing else of the
 * sandbox's, its output in the container's log file. Stopping sends SIGTERM, then SIGKILL after the
 * grace period, as a kubelet does.
 */
public final class ContainerProcess {
    private final Process process;
    private final Instant startedAt;

    private ContainerProcess(Process process, Instant startedAt) {
        this.process = process;
        this.startedAt = startedAt;
    }

    /** Starts the command; the previous run's log is kept as {@code <log>.previous}. */
    public static ContainerProcess start(
            List<String> command, Map<String, String> env, Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workingDirectory);
            if (Files.exists(log)) {
                Files.move(
                        log,
                        log.resolveSibling(log.getFileName() + ".previous"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(workingDirectory.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            // The watchdog agent in the child reads standard input: keep the pipe open and silent.
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            return new ContainerProcess(builder.start(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** SIGTERM, then SIGKILL when the grace period ends; returns once the process is gone. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL, now. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
