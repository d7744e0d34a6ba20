package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.cluster.PodTemplateSpec;
import io.tributary.api.v1alpha1.cluster.StorageSpec;
import io.tributary.api.v1alpha1.cluster.StorageType;
import io.tributary.operator.security.BrokerSecurityConfig;
import io.tributary.operator.security.ClusterTls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The StatefulSet of a node pool. {@code OnDelete} updates, so the operator alone decides which pod
 * restarts when; {@code Parallel} pod management, so a cluster's nodes start together and form
 * their quorum. Each pod runs the broker launcher with its identity from the environment and the
 * pool's {@code server.properties} template from the pool's ConfigMap.
 */
public final class NodePoolStatefulSetBuilder {
    public static final String CONTAINER = "kafka";
    public static final String CONFIG_HASH_ANNOTATION = "kafka.tributary.io/config-hash";

    /**
     * On a secured cluster's pods: a hash of the certificates and trusted CAs the pod runs with. A
     * renewal changes it, and the roll restarts the nodes onto the new certificates.
     */
    public static final String CERTIFICATES_ANNOTATION = "kafka.tributary.io/certificates";

    /**
     * The annotations by which Prometheus' usual Kubernetes pod discovery finds the metrics
     * endpoint; the pod template's annotations may override them (scrape "false" to opt out).
     */
    static final SortedMap<String, String> PROMETHEUS_ANNOTATIONS =
            Collections.unmodifiableSortedMap(
                    new TreeMap<>(
                            Map.of(
                                    "prometheus.io/scrape", "true",
                                    "prometheus.io/port", Integer.toString(NodePorts.METRICS),
                                    "prometheus.io/path", "/metrics")));

    static final String DATA_VOLUME = "data";
    static final String CONFIG_VOLUME = "config";
    static final String TMP_VOLUME = "tmp";
    static final String DATA_DIR = "/var/lib/kafka/data";
    static final String CONFIG_DIR = "/opt/tributary/config";
    static final String TMP_DIR = "/tmp";
    static final String NODE_CERTS_VOLUME = "node-certs";
    static final String CLUSTER_CA_VOLUME = "cluster-ca";
    static final String CLIENTS_CA_VOLUME = "clients-ca";
    static final String NODE_CERTS_DIR = "/opt/tributary/certs/node";
    static final String CLUSTER_CA_DIR = "/opt/tributary/certs/cluster-ca";
    static final String CLIENTS_CA_DIR = "/opt/tributary/certs/clients-ca";
    static final long TERMINATION_GRACE_SECONDS = 120;
    static final long RUN_AS_USER = 1001;

    private NodePoolStatefulSetBuilder() {}

    /**
     * The pool's StatefulSet.
     *
     * @param configHash hash of the pool's configuration that needs a restart to take effect; a
     *     change gives the pods a new revision, which the roll then applies
     */
    public static StatefulSet build(ClusterModel model, NodePool pool, String configHash) {
        String name = model.names().pool(pool);
        Map<String, String> podLabels = podLabels(model, pool);
        Map<String, String> podAnnotations = new LinkedHashMap<>(PROMETHEUS_ANNOTATIONS);
        PodTemplateSpec template = model.spec().getPodTemplate();
        if (template != null) {
            podAnnotations.putAll(template.getAnnotations());
        }
        podAnnotations.put(CONFIG_HASH_ANNOTATION, configHash);
        if (!model.certificatesHash().isEmpty()) {
            podAnnotations.put(CERTIFICATES_ANNOTATION, model.certificatesHash());
        }

        PodSpecBuilder podSpec =
                new PodSpecBuilder()
                        .withServiceAccountName(model.names().serviceAccount())
                        .withAutomountServiceAccountToken(false)
                        .withEnableServiceLinks(false)
                        .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                        .withNewSecurityContext()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(RUN_AS_USER)
                        .withRunAsGroup(RUN_AS_USER)
                        .withFsGroup(RUN_AS_USER)
                        .withNewSeccompProfile()
                        .withType("RuntimeDefault")
                        .endSeccompProfile()
                        .endSecurityContext()
                        .withContainers(container(model, pool))
                        .withVolumes(volumes(model, pool));
        if (template != null) {
            podSpec.withAffinity(template.getAffinity())
                    .withTolerations(template.getTolerations())
                    .withNodeSelector(
                            template.getNodeSelector().isEmpty()
                                    ? null
                                    : template.getNodeSelector())
                    .withTopologySpreadConstraints(
                            TopologySpreadDefaults.withPoolSelector(
                                    template.getTopologySpreadConstraints(),
                                    ClusterLabels.poolSelector(model.name(), pool)))
                    .withPriorityClassName(template.getPriorityClassName());
        }

        StatefulSetBuilder builder =
                new StatefulSetBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(model.namespace())
                        .withLabels(ClusterLabels.pool(model.name(), pool))
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(pool.replicas())
                        .withServiceName(name)
                        .withPodManagementPolicy("Parallel")
                        .withNewUpdateStrategy()
                        .withType("OnDelete")
                        .endUpdateStrategy()
                        .withNewSelector()
                        .withMatchLabels(ClusterLabels.poolSelector(model.name(), pool))
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .withLabels(podLabels)
                        .withAnnotations(podAnnotations)
                        .endMetadata()
                        .withSpec(podSpec.build())
                        .endTemplate()
                        .endSpec();
        StorageSpec storage = pool.spec().getStorage();
        if (storage.getType() == StorageType.PERSISTENT) {
            String policy = storage.isDeleteClaim() ? "Delete" : "Retain";
            builder.editSpec()
                    .withVolumeClaimTemplates(claimTemplate(model, pool, storage))
                    .withNewPersistentVolumeClaimRetentionPolicy()
                    .withWhenDeleted(policy)
                    .withWhenScaled(policy)
                    .endPersistentVolumeClaimRetentionPolicy()
                    .endSpec();
        }
        return builder.build();
    }

    private static Map<String, String> podLabels(ClusterModel model, NodePool pool) {
        Map<String, String> labels = new LinkedHashMap<>();
        PodTemplateSpec template = model.spec().getPodTemplate();
        if (template != null) {
            labels.putAll(template.getLabels());
        }
        labels.putAll(ClusterLabels.pool(model.name(), pool));
        return labels;
    }

    private static Container container(ClusterModel model, NodePool pool) {
        ResourceRequirements resources =
                pool.spec().getResources() == null
                        ? null
                        : pool.spec().getResources().toResourceRequirements();
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(model.image())
                .withEnv(env(model, pool))
                .withPorts(ports(model, pool))
                .withResources(resources)
                .withReadinessProbe(probe("/readyz", 5, 5, 3))
                .withLivenessProbe(probe("/healthz", 15, 10, 6))
                .withVolumeMounts(mounts(model))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .build();
    }

    private static List<VolumeMount> mounts(ClusterModel model) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(DATA_VOLUME, DATA_DIR, false));
        mounts.add(mount(CONFIG_VOLUME, CONFIG_DIR, true));
        mounts.add(mount(TMP_VOLUME, TMP_DIR, false));
        if (ClusterTls.isSecured(model.spec())) {
            mounts.add(mount(NODE_CERTS_VOLUME, NODE_CERTS_DIR, true));
            mounts.add(mount(CLUSTER_CA_VOLUME, CLUSTER_CA_DIR, true));
            mounts.add(mount(CLIENTS_CA_VOLUME, CLIENTS_CA_DIR, true));
        }
        return mounts;
    }

    private static List<EnvVar> env(ClusterModel model, NodePool pool) {
        List<EnvVar> env = new ArrayList<>();
        env.add(fieldRef("POD_NAME", "metadata.name"));
        env.add(fieldRef("POD_NAMESPACE", "metadata.namespace"));
        env.add(fieldRef("POD_IP", "status.podIP"));
        env.add(value("TRIBUTARY_KAFKA_VERSION", model.spec().getKafkaVersion().version()));
        env.add(value("TRIBUTARY_CLUSTER_ID", model.clusterId()));
        env.add(value("TRIBUTARY_NODE_ID_BASE", Integer.toString(pool.nodeIdBase())));
        env.add(value("TRIBUTARY_HEADLESS_SERVICE", model.names().pool(pool)));
        env.add(value("TRIBUTARY_CLUSTER_DOMAIN", model.names().clusterDomain()));
        if (pool.isController()) {
            env.add(value("TRIBUTARY_INITIAL_CONTROLLERS", model.initialControllers()));
        }
        if (model.spec().getRack() != null && pool.isBroker()) {
            // Kubernetes 1.35+ copies the node's zone and region labels onto the pod on binding.
            env.add(
                    fieldRef(
                            "TRIBUTARY_RACK",
                            "metadata.labels['" + model.spec().getRack().getTopologyKey() + "']"));
        }
        env.add(value("TRIBUTARY_CONFIG_DIR", CONFIG_DIR));
        env.add(value("TRIBUTARY_DATA_DIR", DATA_DIR));
        env.add(value("TRIBUTARY_WORK_DIR", TMP_DIR + "/tributary"));
        env.add(value("TRIBUTARY_HEALTH_PORT", Integer.toString(NodePorts.HEALTH)));
        env.add(value("TRIBUTARY_METRICS_PORT", Integer.toString(NodePorts.METRICS)));
        env.add(value("TRIBUTARY_JVM_OPTS", JvmSettings.options(pool.spec())));
        if (ClusterTls.isSecured(model.spec())) {
            env.add(value(BrokerSecurityConfig.NODE_CERTS_DIR_ENV, NODE_CERTS_DIR));
            env.add(value(BrokerSecurityConfig.CLUSTER_CA_DIR_ENV, CLUSTER_CA_DIR));
            env.add(value(BrokerSecurityConfig.CLIENTS_CA_DIR_ENV, CLIENTS_CA_DIR));
        }
        return env;
    }

    private static List<ContainerPort> ports(ClusterModel model, NodePool pool) {
        List<ContainerPort> ports = new ArrayList<>();
        ports.add(port("health", NodePorts.HEALTH));
        ports.add(port("metrics", NodePorts.METRICS));
        if (pool.isController()) {
            ports.add(port("controller", NodePorts.CONTROLLER));
        }
        if (pool.isBroker()) {
            ports.add(port("replication", NodePorts.REPLICATION));
            for (ListenerSpec listener : model.spec().getListeners()) {
                ports.add(port(listener.getName(), listener.getPort()));
            }
        }
        return ports;
    }

    private static List<Volume> volumes(ClusterModel model, NodePool pool) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(
                new VolumeBuilder()
                        .withName(CONFIG_VOLUME)
                        .withNewConfigMap()
                        .withName(model.names().configMap(pool))
                        .endConfigMap()
                        .build());
        volumes.add(
                new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build());
        if (ClusterTls.isSecured(model.spec())) {
            volumes.add(secretVolume(NODE_CERTS_VOLUME, ClusterTls.nodeCertsSecret(model.name())));
            volumes.add(
                    secretVolume(CLUSTER_CA_VOLUME, ClusterTls.clusterCaCertSecret(model.name())));
            volumes.add(
                    secretVolume(CLIENTS_CA_VOLUME, ClusterTls.clientsCaCertSecret(model.name())));
        }
        StorageSpec storage = pool.spec().getStorage();
        if (storage.getType() == StorageType.EPHEMERAL) {
            volumes.add(
                    new VolumeBuilder()
                            .withName(DATA_VOLUME)
                            .withNewEmptyDir()
                            .withSizeLimit(
                                    storage.getSize() == null
                                            ? null
                                            : new Quantity(storage.getSize()))
                            .endEmptyDir()
                            .build());
        }
        return volumes;
    }

    private static Volume secretVolume(String name, String secret) {
        return new VolumeBuilder()
                .withName(name)
                .withNewSecret()
                .withSecretName(secret)
                .withDefaultMode(0440)
                .endSecret()
                .build();
    }

    private static PersistentVolumeClaim claimTemplate(
            ClusterModel model, NodePool pool, StorageSpec storage) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(DATA_VOLUME)
                .withLabels(ClusterLabels.pool(model.name(), pool))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storage.getStorageClassName())
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity(storage.getSize())))
                .endResources()
                .endSpec()
                .build();
    }

    private static Probe probe(String path, int initialDelay, int period, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withNewPort("health")
                .endHttpGet()
                .withInitialDelaySeconds(initialDelay)
                .withPeriodSeconds(period)
                .withTimeoutSeconds(3)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        return new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(path)
                .withReadOnly(readOnly ? true : null)
                .build();
    }

    private static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder()
                .withName(name)
                .withContainerPort(port)
                .withProtocol("TCP")
                .build();
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar fieldRef(String name, String path) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath(path)
                .endFieldRef()
                .endValueFrom()
                .build();
    }
}
