package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tributary.sandbox.admission.CustomResourceAdmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * The sandbox's Kubernetes API server: serves the built-in kinds the operator uses and every CRD
 * created at run time, on {@code http://127.0.0.1:<ephemeral port>}, for fabric8 clients (JOSDK)
 * and for {@code kubectl} through the kubeconfig it writes.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.builder().admission(admission).build().start(workDir)) {
 *     server.installCrds(Path.of("crds"));
 *     KubernetesClient client = server.client();
 * }
 * }</pre>
 *
 * <p>In-process controllers (the StatefulSet controller, the kubelet) talk to it through a fabric8
 * client, as the operator does; the kubelet plugs in the pods' logs with {@link #podLogSource}.
 */
public final class ApiServer implements AutoCloseable {
    private final ResourceTypeRegistry registry = new ResourceTypeRegistry();
    private final WatchHub hub;
    private final ObjectStore store;
    private final ResourceOperations operations;
    private final PodLogHandler logs;
    private final WatchHandler watches;
    private final ReadHandler reads;
    private final WriteHandler writes;
    private final ScaleSubresource scale;
    private final ScheduledExecutorService timer;
    private final ApiCallRecord record = new ApiCallRecord();
    private HttpFront front;
    private String url;
    private Path kubeconfig;
    private KubernetesClient client;

    private ApiServer(Builder builder) {
        this.hub = new WatchHub(builder.watchHistory);
        this.store = new ObjectStore(hub);
        NamespaceLifecycle namespaces = new NamespaceLifecycle(store, registry);
        CrdLifecycle crds = new CrdLifecycle(store, registry);
        ObjectDeleter deleter = new ObjectDeleter(store, registry, namespaces, crds);
        this.operations =
                new ResourceOperations(
                        store,
                        registry,
                        new AdmissionStep(builder.admission),
                        deleter,
                        namespaces,
                        crds);
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "sandbox-apiserver-watch-timeouts");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.logs = new PodLogHandler(store);
        this.watches = new WatchHandler(store, hub, timer, builder.bookmarkInterval);
        this.reads = new ReadHandler(store);
        this.writes = new WriteHandler(operations, deleter);
        this.scale = new ScaleSubresource(store, operations);
        ResourceType namespaceType = registry.builtin("", "namespaces");
        for (String name : NamespaceLifecycle.INITIAL) {
            ObjectNode namespace = Json.MAPPER.createObjectNode();
            namespace.putObject("metadata").put("name", name);
            operations.create(namespaceType, null, namespace, WriteOptions.internal());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving and writes {@code kubeconfig} into {@code workDir}. */
    public synchronized ApiServer start(Path workDir) {
        if (front != null) {
            throw new IllegalStateException("already started");
        }
        String host = "127.0.0.1";
        DiscoveryDocuments discovery = new DiscoveryDocuments(registry);
        front =
                new HttpFront(
                        new ApiDispatcher(
                                registry, discovery, reads, writes, watches, logs, scale, record));
        try {
            int port = front.start(host);
            discovery.serverAddress(host + ":" + port);
            url = "http://" + host + ":" + port;
            kubeconfig = Kubeconfig.write(workDir, url);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Calls {@code listener} with every change of the kind served at {@code group}/{@code plural}
     * (any version), from now on, in this JVM; closing the result stops it.
     */
    public AutoCloseable listen(String group, String plural, ChangeListener listener) {
        String storageKey =
                registry.storageTypes().stream()
                        .filter(t -> t.group().equals(group) && t.plural().equals(plural))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no kind " + plural + "." + group))
                        .storageKey();
        Runnable removal = hub.listen(storageKey, listener);
        return removal::run;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        requireStarted();
        return url;
    }

    /** The kubeconfig file for this server ({@code kubectl --kubeconfig <file>}). */
    public Path kubeconfig() {
        requireStarted();
        return kubeconfig;
    }

    /** A fabric8 client for this server, created on first use and closed with the server. */
    public synchronized KubernetesClient client() {
        requireStarted();
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** A new fabric8 client for this server; the caller closes it. */
    public KubernetesClient newClient() {
        requireStarted();
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Kubeconfig.render(url)))
                .build();
    }

    /** Creates (or updates) every CRD in the YAML and JSON files of a folder. */
    public void installCrds(Path folder) {
        ResourceType crdType =
                registry.builtin(BuiltinResourceTypes.CRD_GROUP, "customresourcedefinitions");
        for (ObjectNode crd : readDocuments(folder)) {
            if (!"CustomResourceDefinition".equals(Json.text(crd, "kind"))) {
                continue;
            }
            String name = Json.text(crd, "metadata", "name");
            store.write(
                    () -> {
                        StoredObject existing = store.get(crdType.storageKey(), "", name);
                        if (existing == null) {
                            return operations.create(crdType, null, crd, WriteOptions.internal());
                        }
                        return operations.update(
                                crdType, existing, crd, false, WriteOptions.internal());
                    });
        }
    }

    /** Where pod logs come from ({@code kubectl logs}); empty logs until one is set. */
    public void podLogSource(PodLogSource source) {
        logs.source(source);
    }

    /**
     * Records, from now on, the distinct calls made by clients whose User-Agent starts with the
     * prefix (the operator's), as RBAC sees them: see {@link #recordedCalls()}.
     */
    public void recordCallsBy(String userAgentPrefix) {
        record.recordCallsBy(userAgentPrefix);
    }

    /** The distinct calls recorded so far. */
    public Set<ApiCall> recordedCalls() {
        return record.calls();
    }

    /** Ends every open watch, as a restarting API server would; clients reconnect. */
    public void disconnectWatches() {
        hub.disconnectAll();
    }

    /** The number of open watches. */
    public int watchCount() {
        return hub.watchCount();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        hub.disconnectAll();
        if (front != null) {
            front.close();
        }
        timer.shutdownNow();
    }

    /** The store, for in-process measurements in tests. */
    ObjectStore store() {
        return store;
    }

    /** The write operations, for in-process measurements in tests. */
    ResourceOperations operations() {
        return operations;
    }

    /** The served kinds. */
    ResourceTypeRegistry registry() {
        return registry;
    }

    private void requireStarted() {
        if (url == null) {
            throw new IllegalStateException("the API server is not started");
        }
    }

    private static List<ObjectNode> readDocuments(Path folder) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<ObjectNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                    continue;
                }
                try (var parser = yaml.createParser(file.toFile())) {
                    var values = yaml.readValues(parser, JsonNode.class);
                    while (values.hasNext()) {
                        JsonNode document = values.next();
                        if (document instanceof ObjectNode object) {
                            documents.add(object);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** Options of an {@link ApiServer}. */
    public static final class Builder {
        private CustomResourceAdmission admission;
        private int watchHistory = 100_000;
        private Duration bookmarkInterval = Duration.ofSeconds(30);

        private Builder() {}

        /** The admission of custom resources (schema defaults, pruning, validation). */
        public Builder admission(CustomResourceAdmission admission) {
            this.admission = admission;
            return this;
        }

        /** How many past changes a watch can start from before it gets 410 Gone. */
        public Builder watchHistory(int events) {
            if (events < 1) {
                throw new IllegalArgumentException(
                        "the watch history must hold at least one event");
            }
            this.watchHistory = events;
            return this;
        }

        /** How often watches that allow bookmarks get one. */
        public Builder bookmarkInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the bookmark interval must be positive");
            }
            this.bookmarkInterval = interval;
            return this;
        }

        public ApiServer build() {
            return new ApiServer(this);
        }
    }
}
