package io.tributary.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.sandbox.admission.CrdSchemaAdmission;
import io.tributary.sandbox.apiserver.ApiServer;
import io.tributary.sandbox.controller.EndpointsController;
import io.tributary.sandbox.controller.StatefulSetController;
import io.tributary.sandbox.kubelet.HostsFile;
import io.tributary.sandbox.kubelet.Kubelet;
import io.tributary.sandbox.kubelet.NetworkSlot;
import io.tributary.sandbox.kubelet.ServiceProxy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a Kubernetes cluster: an API server with Tributary's CRDs, a StatefulSet and
 * an endpoints controller, a kubelet that runs broker pods as local JVMs, and a service proxy.
 * Closing it (or this JVM ending, however it ends) stops every process it started.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final SandboxOptions options;
    private final HostsFile hosts;
    private final NetworkSlot network;
    private final ApiServer apiServer;
    private final List<AutoCloseable> components = new ArrayList<>();
    private final Kubelet kubelet;
    private final Thread shutdownHook;
    private boolean stopped;

    private Sandbox(SandboxOptions options) {
        this.options = options;
        this.hosts = new HostsFile(options.hostsFile());
        this.network = NetworkSlot.claim(Path.of(System.getProperty("java.io.tmpdir")));
        this.apiServer =
                ApiServer.builder()
                        .admission(new CrdSchemaAdmission())
                        .build()
                        .start(options.workDirectory());
        try {
            apiServer.installCrds(options.repositoryRoot().resolve("crds"));
            KubernetesClient client = apiServer.client();
            components.add(new StatefulSetController(client));
            components.add(new EndpointsController(client));
            components.add(
                    new ServiceProxy(client, hosts, options.clusterDomain(), network.services()));
            this.kubelet =
                    new Kubelet(
                            client,
                            options.workDirectory(),
                            hosts,
                            options.clusterDomain(),
                            options.repositoryRoot().resolve("broker-image"),
                            options.brokerJvmFlags(),
                            options.restartBackoff(),
                            network.pods());
            components.add(kubelet);
            apiServer.podLogSource(
                    request ->
                            new ByteArrayInputStream(
                                    kubelet.log(
                                                    request.namespace(),
                                                    request.pod(),
                                                    request.container(),
                                                    request.previous())
                                            .orElse("")
                                            .getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.shutdownHook = new Thread(this::stop, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info(
                "Sandbox API server at {}, kubeconfig {}", apiServer.url(), apiServer.kubeconfig());
    }

    public static Sandbox start(SandboxOptions options) {
        return new Sandbox(options);
    }

    public KubernetesClient client() {
        return apiServer.client();
    }

    /** A new client; the caller closes it. */
    public KubernetesClient newClient() {
        return apiServer.newClient();
    }

    public Path kubeconfig() {
        return apiServer.kubeconfig();
    }

    public Path hostsFile() {
        return hosts.path();
    }

    public HostsFile hosts() {
        return hosts;
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public ApiServer apiServer() {
        return apiServer;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Waits with diagnostics: on timeout, the failure shows resources, events and pod logs. */
    public SandboxWaits waits() {
        return new SandboxWaits(this);
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = components.size() - 1; i >= 0; i--) {
            try {
                components.get(i).close();
            } catch (Exception e) {
                LOG.warn(
                        "Stopping {} failed: {}",
                        components.get(i).getClass().getSimpleName(),
                        e.toString());
            }
        }
        components.clear();
        apiServer.close();
        network.close();
    }
}
