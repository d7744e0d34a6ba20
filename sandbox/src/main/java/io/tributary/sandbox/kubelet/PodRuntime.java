package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * One pod on the sandbox's node: its address, volumes and containers, and the status a kubelet
 * reports for it.
 */
final class PodRuntime {
    private final String ip;
    private final String hostIp;
    private final Path directory;
    private final PodVolumes volumes;
    private final List<ContainerRuntime> containers = new ArrayList<>();
    private final Instant startTime;
    private String volumeProblem;
    private volatile boolean terminating;

    PodRuntime(
            Pod pod,
            String ip,
            String hostIp,
            Path directory,
            PodVolumes volumes,
            Duration initialBackoff) {
        this.ip = ip;
        this.hostIp = hostIp;
        this.directory = directory;
        this.volumes = volumes;
        this.startTime = Instant.now();
        for (Container container : pod.getSpec().getContainers()) {
            containers.add(new ContainerRuntime(container, initialBackoff));
        }
    }

    String ip() {
        return ip;
    }

    Path directory() {
        return directory;
    }

    boolean isTerminating() {
        return terminating;
    }

    void markTerminating() {
        terminating = true;
    }

    Optional<ContainerRuntime> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Prepares volumes (refreshing ConfigMaps and Secrets), starts and probes containers. */
    void sync(Pod pod, ContainerLauncher launcher, ExecutorService probes) {
        Pod withStatus = withOwnStatus(pod);
        Optional<String> problem = volumes.prepare(withStatus);
        volumeProblem = problem.orElse(null);
        Instant now = Instant.now();
        for (ContainerRuntime container : containers) {
            container.sync(
                    now,
                    () ->
                            () -> {
                                if (volumeProblem != null) {
                                    throw new ContainerRuntime.ContainerStartException(
                                            "ContainerCreating", volumeProblem);
                                }
                                return launcher.start(
                                        withStatus, container.spec(), volumes, directory);
                            },
                    ip,
                    probes);
        }
    }

    /** The status this runtime reports for the pod. */
    PodStatus status() {
        List<ContainerStatus> statuses = containers.stream().map(ContainerRuntime::status).toList();
        boolean allReady = containers.stream().allMatch(ContainerRuntime::isReady);
        boolean anyRunning = containers.stream().anyMatch(ContainerRuntime::isRunning);
        return new PodStatusBuilder()
                .withPhase(anyRunning ? "Running" : "Pending")
                .withPodIP(ip)
                .withPodIPs(new PodIPBuilder().withIp(ip).build())
                .withHostIP(hostIp)
                .withStartTime(startTime.truncatedTo(ChronoUnit.SECONDS).toString())
                .withConditions(
                        condition("PodScheduled", true),
                        condition("Initialized", true),
                        condition("ContainersReady", allReady),
                        condition("Ready", allReady))
                .withContainerStatuses(statuses)
                .withQosClass("Burstable")
                .build();
    }

    /**
     * Stops every container: SIGTERM, SIGKILL after the grace period; then removes the pod's own
     * volumes.
     */
    void terminate(Duration grace) {
        containers.forEach(c -> c.stop(grace));
        volumes.cleanUp();
    }

    void kill() {
        containers.forEach(ContainerRuntime::kill);
        volumes.cleanUp();
    }

    private Pod withOwnStatus(Pod pod) {
        Pod copy = new io.fabric8.kubernetes.api.model.PodBuilder(pod).build();
        PodStatus status = copy.getStatus() == null ? new PodStatus() : copy.getStatus();
        status.setPodIP(ip);
        status.setHostIP(hostIp);
        copy.setStatus(status);
        return copy;
    }

    private static PodCondition condition(String type, boolean value) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(value ? "True" : "False")
                .build();
    }

    /** Starts a container of a pod as a local process. */
    interface ContainerLauncher {
        ContainerProcess start(Pod pod, Container container, PodVolumes volumes, Path podDirectory)
                throws ContainerRuntime.ContainerStartException;
    }
}
