package io.tributary.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a sandbox runs.
 *
 * @param workDirectory where the sandbox keeps its kubeconfig, hosts file, pods' files and claims
 * @param repositoryRoot the Tributary repository: CRDs from {@code crds/}, broker distributions
 *     from {@code broker-image/}
 * @param hostsFile the hosts file the sandbox's JVMs resolve names with; this JVM must have been
 *     started with {@code -Djdk.net.hosts.file} pointing at it to reach brokers by name
 * @param brokerJvmFlags flags for every broker JVM, on top of what the pod asks for
 * @param restartBackoff the kubelet's first back-off before restarting a crashed container
 */
public record SandboxOptions(
        Path workDirectory,
        Path repositoryRoot,
        Path hostsFile,
        String clusterDomain,
        String brokerJvmFlags,
        Duration restartBackoff) {

    public SandboxOptions {
        workDirectory = workDirectory.toAbsolutePath().normalize();
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        hostsFile = hostsFile.toAbsolutePath().normalize();
    }

    /** JVM flags that make a broker start faster and use less CPU on a small machine. */
    public static final String THRIFTY_JVM_FLAGS =
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    /**
     * Defaults for a work directory: the hosts file this JVM was started with (or one in the work
     * directory), cluster domain {@code cluster.local}, thrifty broker JVMs, a 10 s back-off.
     */
    public static SandboxOptions in(Path workDirectory, Path repositoryRoot) {
        String configured = System.getProperty("jdk.net.hosts.file");
        Path hosts = configured != null ? Path.of(configured) : workDirectory.resolve("hosts");
        return new SandboxOptions(
                workDirectory,
                repositoryRoot,
                hosts,
                "cluster.local",
                THRIFTY_JVM_FLAGS,
                Duration.ofSeconds(10));
    }

    public SandboxOptions withRestartBackoff(Duration backoff) {
        return new SandboxOptions(
                workDirectory, repositoryRoot, hostsFile, clusterDomain, brokerJvmFlags, backoff);
    }
}
