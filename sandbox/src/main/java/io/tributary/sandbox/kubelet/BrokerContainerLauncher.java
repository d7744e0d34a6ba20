package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a container whose image is a Tributary broker image: the image's entrypoint ({@code
 * bin/tributary-broker} of the matching local distribution) with the container's environment. Every
 * child JVM also gets, through {@code JAVA_TOOL_OPTIONS}, the sandbox's hosts file as its DNS, the
 * watchdog agent that stops it when the sandbox dies, and the sandbox's JVM flags.
 */
final class BrokerContainerLauncher implements PodRuntime.ContainerLauncher {
    private final BrokerImages images;
    private final VolumeSources sources;
    private final Path hostsFile;
    private final Path watchdogAgent;
    private final String extraJvmFlags;

    BrokerContainerLauncher(
            BrokerImages images,
            VolumeSources sources,
            Path hostsFile,
            Path watchdogAgent,
            String extraJvmFlags) {
        this.images = images;
        this.sources = sources;
        this.hostsFile = hostsFile;
        this.watchdogAgent = watchdogAgent;
        this.extraJvmFlags = extraJvmFlags;
    }

    @Override
    public ContainerProcess start(
            Pod pod, Container container, PodVolumes volumes, Path podDirectory)
            throws ContainerRuntime.ContainerStartException {
        Optional<Path> distribution = images.distribution(container.getImage());
        if (distribution.isEmpty()) {
            throw new ContainerRuntime.ContainerStartException(
                    "ErrImagePull",
                    BrokerImages.kafkaVersion(container.getImage()).isPresent()
                            ? "no local distribution for "
                                    + container.getImage()
                                    + "; build it with ./mvnw -pl broker-image -am package"
                            : "the sandbox runs only Tributary broker images (…-kafka-<version>),"
                                    + " not "
                                    + container.getImage());
        }
        Map<String, String> env;
        try {
            env =
                    new LinkedHashMap<>(
                            ContainerEnvironment.resolve(pod, container, volumes, sources));
        } catch (ContainerEnvironment.MissingReference e) {
            throw new ContainerRuntime.ContainerStartException(
                    "CreateContainerConfigError", e.getMessage());
        }
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", javaHome + "/bin:/usr/bin:/bin");
        env.put(
                "JAVA_TOOL_OPTIONS",
                String.join(
                                " ",
                                "-javaagent:" + watchdogAgent,
                                "-Djdk.net.hosts.file=" + hostsFile,
                                extraJvmFlags)
                        .trim());
        Path entrypoint = distribution.get().resolve("bin").resolve("tributary-broker");
        return ContainerProcess.start(
                List.of("/bin/sh", entrypoint.toString()),
                env,
                podDirectory.resolve("containers").resolve(container.getName()),
                podDirectory.resolve("logs").resolve(container.getName() + ".log"));
    }
}
