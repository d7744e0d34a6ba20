package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * One container of a pod across its runs: starts it, notices when it exits and restarts it after a
 * back-off that doubles up to five minutes (reset after ten minutes of running), runs its readiness
 * and liveness probes, kills it when liveness fails, and reports its status.
 */
final class ContainerRuntime {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration BACKOFF_RESET = Duration.ofMinutes(10);

    /** How to start this container now; fails with the reason it cannot. */
    interface Starter {
        ContainerProcess start() throws ContainerStartException;
    }

    /** Why a container cannot start (yet), in a kubelet's waiting-reason terms. */
    static final class ContainerStartException extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        ContainerStartException(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private final Container spec;
    private final Duration initialBackoff;
    private ContainerProcess process;
    private ProbeState readiness;
    private ProbeState liveness;
    private int restartCount;
    private boolean everStarted;
    private Duration backoff;
    private Instant nextStart = Instant.MIN;
    private ContainerState lastTermination;
    private String waitingReason = "ContainerCreating";
    private String waitingMessage;
    private boolean stopping;

    ContainerRuntime(Container spec, Duration initialBackoff) {
        this.spec = spec;
        this.initialBackoff = initialBackoff;
        this.backoff = initialBackoff;
    }

    String name() {
        return spec.getName();
    }

    Container spec() {
        return spec;
    }

    /** One step: reap an exited run, start a run when due, run due probes. */
    synchronized void sync(
            Instant now, Supplier<Starter> starter, String podIp, ExecutorService probes) {
        if (process != null && !process.isAlive()) {
            recordExit(now, process.exitCode().orElse(-1), "Error");
        }
        if (process == null && !now.isBefore(nextStart)) {
            try {
                process = starter.get().start();
                if (everStarted) {
                    restartCount++;
                }
                everStarted = true;
                waitingReason = null;
                waitingMessage = null;
                stopping = false;
                readiness =
                        new ProbeState(
                                spec.getReadinessProbe(), now, spec.getReadinessProbe() == null);
                liveness = new ProbeState(spec.getLivenessProbe(), now, true);
            } catch (ContainerStartException e) {
                waitingReason = e.reason;
                waitingMessage = e.getMessage();
                nextStart = now.plusSeconds(2);
            }
        }
        if (process != null) {
            runIfDue(readiness, now, podIp, probes);
            runIfDue(liveness, now, podIp, probes);
            if (!liveness.passing() && !stopping) {
                // Stopped in the background: the grace period must not hold up other pods.
                stopping = true;
                ContainerProcess failing = process;
                probes.execute(() -> failing.stop(Duration.ofSeconds(30)));
            }
        }
    }

    private void runIfDue(ProbeState state, Instant now, String podIp, ExecutorService probes) {
        if (state.isDue(now)) {
            state.started(now);
            probes.execute(() -> state.record(ProbeChecker.check(state.probe(), spec, podIp)));
        }
    }

    private void recordExit(Instant now, int exitCode, String reason) {
        Instant started = process.startedAt();
        lastTermination =
                new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withReason(exitCode == 0 ? "Completed" : reason)
                        .withStartedAt(started.truncatedTo(ChronoUnit.SECONDS).toString())
                        .withFinishedAt(now.truncatedTo(ChronoUnit.SECONDS).toString())
                        .endTerminated()
                        .build();
        if (Duration.between(started, now).compareTo(BACKOFF_RESET) > 0) {
            backoff = initialBackoff;
        }
        nextStart = now.plus(backoff);
        backoff =
                backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                        ? MAX_BACKOFF
                        : backoff.multipliedBy(2);
        waitingReason = "CrashLoopBackOff";
        waitingMessage = "back-off restarting failed container " + spec.getName();
        process = null;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized boolean isReady() {
        return isRunning() && readiness.passing();
    }

    synchronized void stop(Duration grace) {
        if (process != null) {
            process.stop(grace);
            process = null;
        }
    }

    synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** The process id of the current run, for tests that kill it. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized ContainerStatus status() {
        ContainerState state;
        if (isRunning()) {
            state =
                    new ContainerStateBuilder()
                            .withNewRunning()
                            .withStartedAt(
                                    process.startedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                            .endRunning()
                            .build();
        } else {
            state =
                    new ContainerStateBuilder()
                            .withNewWaiting()
                            .withReason(waitingReason == null ? "ContainerCreating" : waitingReason)
                            .withMessage(waitingMessage)
                            .endWaiting()
                            .build();
        }
        return new ContainerStatusBuilder()
                .withName(spec.getName())
                .withImage(spec.getImage())
                .withImageID(spec.getImage())
                .withContainerID(isRunning() ? "sandbox://" + process.pid() : null)
                .withReady(isReady())
                .withStarted(isRunning())
                .withRestartCount(restartCount)
                .withState(state)
                .withLastState(lastTermination)
                .build();
    }
}
