package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet of the sandbox's nodes: binds every pod to a node (the scheduler's job, done simply),
 * runs each pod's containers as local processes on the pod's own loopback address, keeps its
 * volumes, probes it, reports its status, publishes its DNS names, and on deletion stops it
 * gracefully and then removes it, as a kubelet does.
 */
public final class Kubelet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);
    private static final String HOST_IP = "127.0.0.1";

    private final KubernetesClient client;
    private final Path podsDirectory;
    private final HostsFile hosts;
    private final String clusterDomain;
    private final LoopbackAddresses addresses;
    private final ClaimStorage claims;
    private final SandboxNodes nodes;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<ConfigMap> configMaps;
    private final SharedIndexInformer<Secret> secrets;
    private final VolumeSources sources;
    private final PodRuntime.ContainerLauncher launcher;
    private final Duration initialBackoff;
    private final Map<String, PodRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, String> lastStatus = new HashMap<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService probes = Executors.newFixedThreadPool(4, daemon("sandbox-probe"));
    private final ExecutorService terminations =
            Executors.newCachedThreadPool(daemon("sandbox-terminate"));

    /**
     * @param brokerImageModule the repository's {@code broker-image} folder, whose distributions
     *     stand in for broker images
     * @param extraJvmFlags flags given to every JVM the kubelet starts
     * @param addresses where the pods' loopback addresses come from
     */
    public Kubelet(
            KubernetesClient client,
            Path workDirectory,
            HostsFile hosts,
            String clusterDomain,
            Path brokerImageModule,
            String extraJvmFlags,
            Duration initialBackoff,
            LoopbackAddresses addresses) {
        this.client = client;
        this.addresses = addresses;
        this.podsDirectory = workDirectory.resolve("pods");
        // The API server starts empty, so pods and claims a previous sandbox left on disk belong to
        // nobody; reusing a claim would hand a new cluster an old cluster's Kafka log directories.
        Directories.deleteRecursively(podsDirectory);
        Directories.deleteRecursively(workDirectory.resolve("claims"));
        this.hosts = hosts;
        this.clusterDomain = clusterDomain;
        this.initialBackoff = initialBackoff;
        this.nodes = new SandboxNodes(client);
        this.claims = new ClaimStorage(client, workDirectory.resolve("claims"));
        this.configMaps = client.configMaps().inAnyNamespace().inform();
        this.secrets = client.secrets().inAnyNamespace().inform();
        this.sources =
                new VolumeSources() {
                    @Override
                    public Optional<ConfigMap> configMap(String namespace, String name) {
                        return Optional.ofNullable(
                                configMaps.getStore().getByKey(namespace + "/" + name));
                    }

                    @Override
                    public Optional<Secret> secret(String namespace, String name) {
                        return Optional.ofNullable(
                                secrets.getStore().getByKey(namespace + "/" + name));
                    }
                };
        Path agent = WatchdogAgentJar.write(workDirectory);
        this.launcher =
                new BrokerContainerLauncher(
                        new BrokerImages(brokerImageModule),
                        sources,
                        hosts.path(),
                        agent,
                        extraJvmFlags);
        this.pods = client.pods().inAnyNamespace().inform();
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-kubelet"));
        ticker.scheduleWithFixedDelay(this::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Set<String> seen = new HashSet<>();
            for (Pod pod : pods.getStore().list()) {
                String uid = pod.getMetadata().getUid();
                seen.add(uid);
                if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
                    bind(pod);
                } else if (SandboxNodes.isSandboxNode(pod.getSpec().getNodeName())) {
                    syncPod(pod);
                }
            }
            for (Map.Entry<String, PodRuntime> entry : Map.copyOf(runtimes).entrySet()) {
                if (!seen.contains(entry.getKey()) && !entry.getValue().isTerminating()) {
                    // Deleted without a grace period: stop at once.
                    PodRuntime gone = runtimes.remove(entry.getKey());
                    gone.markTerminating();
                    terminations.execute(gone::kill);
                    hosts.remove(entry.getKey());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Kubelet sync failed: {}", e.toString());
        }
    }

    /** Schedules a pod: picks a node and takes the node's topology labels, as on binding. */
    private void bind(Pod pod) {
        Optional<Node> node = nodes.choose(pod);
        if (node.isEmpty()) {
            return;
        }
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .edit(
                            p -> {
                                p.getSpec().setNodeName(node.get().getMetadata().getName());
                                Map<String, String> labels =
                                        new HashMap<>(
                                                p.getMetadata().getLabels() == null
                                                        ? Map.of()
                                                        : p.getMetadata().getLabels());
                                labels.putAll(SandboxNodes.topologyLabels(node.get()));
                                p.getMetadata().setLabels(labels);
                                return p;
                            });
        } catch (KubernetesClientException e) {
            LOG.debug("Could not bind {}: {}", pod.getMetadata().getName(), e.getMessage());
        }
    }

    private void syncPod(Pod pod) {
        String uid = pod.getMetadata().getUid();
        String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        PodRuntime runtime =
                runtimes.computeIfAbsent(
                        uid,
                        u -> {
                            Path directory =
                                    podsDirectory.resolve(
                                            pod.getMetadata().getNamespace()
                                                    + "_"
                                                    + pod.getMetadata().getName()
                                                    + "_"
                                                    + u);
                            return new PodRuntime(
                                    pod,
                                    addresses.addressOf(key),
                                    HOST_IP,
                                    directory,
                                    new PodVolumes(directory, claims, sources),
                                    initialBackoff);
                        });
        if (runtime.isTerminating()) {
            return;
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            runtime.markTerminating();
            terminations.execute(() -> terminate(pod, runtime));
            return;
        }
        runtime.sync(pod, launcher, probes);
        publishNames(pod, runtime);
        writeStatus(pod, runtime.status());
    }

    private void terminate(Pod pod, PodRuntime runtime) {
        long grace =
                Optional.ofNullable(pod.getMetadata().getDeletionGracePeriodSeconds())
                        .or(
                                () ->
                                        Optional.ofNullable(
                                                pod.getSpec().getTerminationGracePeriodSeconds()))
                        .orElse(30L);
        LOG.debug("Stopping pod {} (grace {}s)", pod.getMetadata().getName(), grace);
        runtime.terminate(Duration.ofSeconds(grace));
        hosts.remove(pod.getMetadata().getUid());
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .withGracePeriod(0)
                    .delete();
        } catch (KubernetesClientException e) {
            LOG.debug("Could not remove pod {}: {}", pod.getMetadata().getName(), e.getMessage());
        }
        runtimes.remove(pod.getMetadata().getUid());
        lastStatus.remove(pod.getMetadata().getUid());
    }

    private void publishNames(Pod pod, PodRuntime runtime) {
        String hostname = pod.getSpec().getHostname();
        String subdomain = pod.getSpec().getSubdomain();
        if (hostname == null || subdomain == null) {
            return;
        }
        Map<String, List<String>> names = new HashMap<>();
        for (String name :
                HostsFile.podNames(
                        hostname, subdomain, pod.getMetadata().getNamespace(), clusterDomain)) {
            names.put(name, List.of(runtime.ip()));
        }
        hosts.put(pod.getMetadata().getUid(), names);
    }

    private void writeStatus(Pod pod, PodStatus status) {
        String json = Serialization.asJson(status);
        String uid = pod.getMetadata().getUid();
        synchronized (lastStatus) {
            if (json.equals(lastStatus.get(uid))) {
                return;
            }
        }
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .editStatus(
                            p -> {
                                p.setStatus(status);
                                return p;
                            });
            synchronized (lastStatus) {
                lastStatus.put(uid, json);
            }
        } catch (KubernetesClientException e) {
            LOG.debug(
                    "Could not write the status of {}: {}",
                    pod.getMetadata().getName(),
                    e.getMessage());
        }
    }

    /**
     * The log of a pod's container (of its previous run when asked), as {@code kubectl logs} shows
     * it.
     */
    public Optional<String> log(String namespace, String pod, String container, boolean previous) {
        return runtimes.values().stream()
                .filter(
                        r ->
                                r.directory()
                                        .getFileName()
                                        .toString()
                                        .startsWith(namespace + "_" + pod + "_"))
                .findFirst()
                .map(
                        r ->
                                r.directory()
                                        .resolve("logs")
                                        .resolve(
                                                container + ".log" + (previous ? ".previous" : "")))
                .filter(Files::exists)
                .map(
                        p -> {
                            try {
                                return Files.readString(p);
                            } catch (java.io.IOException e) {
                                return "";
                            }
                        });
    }

    /** The process id of a pod's container, for tests that kill it. */
    public Optional<Long> pid(String namespace, String pod, String container) {
        return runtimes.values().stream()
                .filter(
                        r ->
                                r.directory()
                                        .getFileName()
                                        .toString()
                                        .startsWith(namespace + "_" + pod + "_"))
                .filter(r -> !r.isTerminating())
                .findFirst()
                .flatMap(r -> r.container(container))
                .map(ContainerRuntime::pid)
                .filter(pid -> pid > 0);
    }

    /** The loopback address of a pod. */
    public String podAddress(String namespace, String pod) {
        return addresses.addressOf(namespace + "/" + pod);
    }

    public ClaimStorage claims() {
        return claims;
    }

    /** Stops every pod at once (SIGKILL after a short grace) and the kubelet's own threads. */
    @Override
    public void close() {
        ticker.shutdownNow();
        runtimes.values().parallelStream().forEach(r -> r.terminate(Duration.ofSeconds(10)));
        runtimes.clear();
        terminations.shutdownNow();
        probes.shutdownNow();
        pods.close();
        configMaps.close();
        secrets.close();
        claims.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
