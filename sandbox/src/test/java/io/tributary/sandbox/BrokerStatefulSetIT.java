package io.tributary.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A StatefulSet of three combined KRaft nodes, written by hand as the operator will write it, boots
 * a real Kafka cluster in the sandbox; pods are deleted, killed and scaled, and the records
 * survive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerStatefulSetIT {
    static final String NS = "kafka";
    static final String BOOTSTRAP = "kafka-bootstrap.kafka.svc:9092";
    static final Duration BOOT = Duration.ofMinutes(3);

    private Sandbox sandbox;
    private KubernetesClient client;
    private SandboxWaits waits;
    private final KafkaRoundTrip kafka = new KafkaRoundTrip(BOOTSTRAP);

    @BeforeAll
    void startSandbox() {
        Path root = Path.of(System.getProperty("tributary.root", ".."));
        sandbox =
                Sandbox.start(
                        SandboxOptions.in(
                                        Path.of("target", "sandbox-" + getClass().getSimpleName()),
                                        root)
                                .withRestartBackoff(Duration.ofSeconds(2)));
        client = sandbox.client();
        waits = sandbox.waits();
        client.namespaces()
                .resource(
                        new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
    }

    @AfterAll
    void stopSandbox() {
        kafka.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void threeCombinedNodesFormAClusterThatKeepsEveryRecord() throws Exception {
        HandWrittenCluster.create(client, NS);
        waitForReadyPods(3);

        kafka.createTopic("orders", 3, 3, 2);
        kafka.produce("orders", 0, 100);
        assertThat(kafka.consumeAll("orders")).hasSize(100);
    }

    @Test
    @Order(2)
    void kubectlShowsTheReadyPods() throws Exception {
        KubectlRunner kubectl = KubectlRunner.forSandbox(sandbox);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                kubectl.available(), "kubectl is not on the PATH: skipped, not passed");
        String pods = kubectl.run("get", "pods", "-n", NS);
        assertThat(pods).contains("kafka-0", "kafka-1", "kafka-2");
        assertThat(pods.lines().filter(l -> l.contains("1/1") && l.contains("Running")).count())
                .isEqualTo(3);
    }

    @Test
    @Order(3)
    void aDeletedPodComesBackOnItsOwnDataDirectory() throws Exception {
        Pod before = client.pods().inNamespace(NS).withName("kafka-1").get();
        client.pods().inNamespace(NS).withName("kafka-1").delete();
        waits.until(
                "kafka-1 to be recreated",
                BOOT,
                NS,
                () -> {
                    Pod pod = client.pods().inNamespace(NS).withName("kafka-1").get();
                    return pod != null
                            && !pod.getMetadata().getUid().equals(before.getMetadata().getUid());
                });
        waitForReadyPods(3);
        assertThat(client.persistentVolumeClaims().inNamespace(NS).withName("data-kafka-1").get())
                .isNotNull();
        kafka.produce("orders", 100, 50);
        assertThat(kafka.consumeAll("orders")).hasSize(150);
    }

    @Test
    @Order(4)
    void aKilledBrokerIsRestartedByTheKubelet() throws Exception {
        long pid = sandbox.kubelet().pid(NS, "kafka-2", "kafka").orElseThrow();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        waits.until(
                "kafka-2 to restart after SIGKILL",
                BOOT,
                NS,
                () -> {
                    Pod pod = client.pods().inNamespace(NS).withName("kafka-2").get();
                    return pod.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1
                            && pod.getStatus().getContainerStatuses().get(0).getReady();
                });
        waitForReadyPods(3);
        assertThat(kafka.consumeAll("orders")).hasSize(150);
    }

    @Test
    @Order(5)
    void theStatefulSetScalesDownAndUp() throws Exception {
        client.apps().statefulSets().inNamespace(NS).withName("kafka").scale(2);
        waits.until(
                "kafka-2 to be removed",
                BOOT,
                NS,
                () -> client.pods().inNamespace(NS).withName("kafka-2").get() == null);
        kafka.produce("orders", 150, 10);
        client.apps().statefulSets().inNamespace(NS).withName("kafka").scale(3);
        waitForReadyPods(3);
        assertThat(kafka.consumeAll("orders")).hasSize(160);
    }

    @Test
    @Order(6)
    void anInvalidCustomResourceIsRejectedNamingTheField() throws Exception {
        GenericKubernetesResource topic =
                Serialization.unmarshal(
                        """
                        apiVersion: kafka.tributary.io/v1alpha1
                        kind: KafkaTopic
                        metadata: {name: bad, namespace: kafka}
                        spec: {clusterRef: {name: kafka}, partitions: 0}
                        """,
                        GenericKubernetesResource.class);
        KubernetesClientException rejected =
                catchThrowableOfType(
                        KubernetesClientException.class, () -> client.resource(topic).create());
        assertThat(rejected.getCode()).isEqualTo(422);
        assertThat(rejected.getMessage()).contains("spec.partitions");
        assertThat(
                        client.genericKubernetesResources(
                                        "kafka.tributary.io/v1alpha1", "KafkaTopic")
                                .inNamespace(NS)
                                .list()
                                .getItems())
                .isEmpty();
    }

    private void waitForReadyPods(int count) {
        waits.until(
                count + " ready kafka pods",
                BOOT,
                NS,
                () -> {
                    List<Pod> pods = client.pods().inNamespace(NS).list().getItems();
                    return pods.size() == count
                            && pods.stream()
                                    .allMatch(
                                            p ->
                                                    p.getStatus() != null
                                                            && p.getStatus().getConditions() != null
                                                            && p
                                                                    .getStatus()
                                                                    .getConditions()
                                                                    .stream()
                                                                    .anyMatch(
                                                                            c ->
                                                                                    c.getType()
                                                                                                    .equals(
                                                                                                            "Ready")
                                                                                            && c.getStatus()
                                                                                                    .equals(
                                                                                                            "True")));
                });
    }

    /**
     * The hand-written cluster: the resources the operator will write, built here until it exists.
     */
    static final class HandWrittenCluster {
        static void create(KubernetesClient client, String namespace) {
            String quorum =
                    String.join(
                            ",",
                            List.of(0, 1, 2).stream()
                                    .map(
                                            i ->
                                                    "kafka-"
                                                            + i
                                                            + ".kafka."
                                                            + namespace
                                                            + ".svc.cluster.local:9090")
                                    .toList());
            String template =
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=${TRIBUTARY_NODE_ID}",
                            "controller.quorum.bootstrap.servers=" + quorum,
                            "controller.listener.names=CONTROLLER",
                            "listeners=CONTROLLER://${POD_IP}:9090,REPLICATION://${POD_IP}:9091,PLAIN://${POD_IP}:9092",
                            "advertised.listeners=CONTROLLER://${TRIBUTARY_POD_FQDN}:9090,REPLICATION://${TRIBUTARY_POD_FQDN}:9091,PLAIN://${TRIBUTARY_POD_FQDN}:9092",
                            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,REPLICATION:PLAINTEXT,PLAIN:PLAINTEXT",
                            "inter.broker.listener.name=REPLICATION",
                            "log.dirs=${TRIBUTARY_DATA_DIR}/kafka-log",
                            "default.replication.factor=3",
                            "min.insync.replicas=2",
                            "offsets.topic.replication.factor=3",
                            "offsets.topic.num.partitions=3",
                            "transaction.state.log.replication.factor=3",
                            "transaction.state.log.min.isr=2",
                            "log.segment.bytes=1048576",
                            "");
            String initialControllers =
                    String.join(
                            ",",
                            List.of(0, 1, 2).stream()
                                    .map(
                                            i ->
                                                    i
                                                            + "@kafka-"
                                                            + i
                                                            + ".kafka."
                                                            + namespace
                                                            + ".svc.cluster.local:9090:"
                                                            + directoryId(i))
                                    .toList());
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(
                            new ConfigMapBuilder()
                                    .withNewMetadata()
                                    .withName("kafka-config")
                                    .endMetadata()
                                    .withData(Map.of("server.properties", template))
                                    .build())
                    .create();
            client.services()
                    .inNamespace(namespace)
                    .resource(
                            new ServiceBuilder()
                                    .withNewMetadata()
                                    .withName("kafka")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withClusterIP("None")
                                    .withPublishNotReadyAddresses(true)
                                    .withSelector(Map.of("app", "kafka"))
                                    .addNewPort()
                                    .withName("plain")
                                    .withPort(9092)
                                    .endPort()
                                    .endSpec()
                                    .build())
                    .create();
            client.services()
                    .inNamespace(namespace)
                    .resource(
                            new ServiceBuilder()
                                    .withNewMetadata()
                                    .withName("kafka-bootstrap")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withSelector(Map.of("app", "kafka"))
                                    .addNewPort()
                                    .withName("plain")
                                    .withPort(9092)
                                    .withNewTargetPort(9092)
                                    .endPort()
                                    .endSpec()
                                    .build())
                    .create();
            client.apps()
                    .statefulSets()
                    .inNamespace(namespace)
                    .resource(
                            new StatefulSetBuilder()
                                    .withNewMetadata()
                                    .withName("kafka")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withReplicas(3)
                                    .withServiceName("kafka")
                                    .withPodManagementPolicy("Parallel")
                                    .withNewUpdateStrategy()
                                    .withType("OnDelete")
                                    .endUpdateStrategy()
                                    .withNewSelector()
                                    .withMatchLabels(Map.of("app", "kafka"))
                                    .endSelector()
                                    .withNewTemplate()
                                    .withNewMetadata()
                                    .withLabels(Map.of("app", "kafka"))
                                    .endMetadata()
                                    .withNewSpec()
                                    .withTerminationGracePeriodSeconds(30L)
                                    .addNewContainer()
                                    .withName("kafka")
                                    .withImage(
                                            "ghcr.io/tributary-io/tributary-kafka:0.1.0-kafka-4.4.0")
                                    .addNewEnv()
                                    .withName("POD_NAME")
                                    .withNewValueFrom()
                                    .withNewFieldRef()
                                    .withFieldPath("metadata.name")
                                    .endFieldRef()
                                    .endValueFrom()
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("POD_NAMESPACE")
                                    .withNewValueFrom()
                                    .withNewFieldRef()
                                    .withFieldPath("metadata.namespace")
                                    .endFieldRef()
                                    .endValueFrom()
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("POD_IP")
                                    .withNewValueFrom()
                                    .withNewFieldRef()
                                    .withFieldPath("status.podIP")
                                    .endFieldRef()
                                    .endValueFrom()
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_HEADLESS_SERVICE")
                                    .withValue("kafka")
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_CLUSTER_ID")
                                    .withValue("c0lH8o7mTqmOeGyA9yQ8Vg")
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_INITIAL_CONTROLLERS")
                                    .withValue(initialControllers)
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_CONFIG_DIR")
                                    .withValue("/opt/tributary/config")
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_DATA_DIR")
                                    .withValue("/var/lib/kafka/data")
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_WORK_DIR")
                                    .withValue("/tmp/tributary")
                                    .endEnv()
                                    .addNewEnv()
                                    .withName("TRIBUTARY_JVM_OPTS")
                                    .withValue("-Xms256m -Xmx256m")
                                    .endEnv()
                                    .addNewPort()
                                    .withName("health")
                                    .withContainerPort(8080)
                                    .endPort()
                                    .addNewPort()
                                    .withName("plain")
                                    .withContainerPort(9092)
                                    .endPort()
                                    .withNewReadinessProbe()
                                    .withNewHttpGet()
                                    .withPath("/readyz")
                                    .withNewPort("health")
                                    .endHttpGet()
                                    .withPeriodSeconds(2)
                                    .withFailureThreshold(2)
                                    .endReadinessProbe()
                                    .withNewLivenessProbe()
                                    .withNewHttpGet()
                                    .withPath("/healthz")
                                    .withNewPort("health")
                                    .endHttpGet()
                                    .withInitialDelaySeconds(10)
                                    .withPeriodSeconds(10)
                                    .withFailureThreshold(6)
                                    .endLivenessProbe()
                                    .addNewVolumeMount()
                                    .withName("data")
                                    .withMountPath("/var/lib/kafka/data")
                                    .endVolumeMount()
                                    .addNewVolumeMount()
                                    .withName("config")
                                    .withMountPath("/opt/tributary/config")
                                    .endVolumeMount()
                                    .addNewVolumeMount()
                                    .withName("tmp")
                                    .withMountPath("/tmp")
                                    .endVolumeMount()
                                    .endContainer()
                                    .addNewVolume()
                                    .withName("config")
                                    .withNewConfigMap()
                                    .withName("kafka-config")
                                    .endConfigMap()
                                    .endVolume()
                                    .addNewVolume()
                                    .withName("tmp")
                                    .withNewEmptyDir()
                                    .endEmptyDir()
                                    .endVolume()
                                    .endSpec()
                                    .endTemplate()
                                    .addNewVolumeClaimTemplate()
                                    .withNewMetadata()
                                    .withName("data")
                                    .endMetadata()
                                    .withNewSpec()
                                    .withAccessModes("ReadWriteOnce")
                                    .withNewResources()
                                    .withRequests(Map.of("storage", new Quantity("1Gi")))
                                    .endResources()
                                    .endSpec()
                                    .endVolumeClaimTemplate()
                                    .endSpec()
                                    .build())
                    .create();
        }

        /** A stable Kafka Uuid per node, for the initial voters. */
        static String directoryId(int nodeId) {
            java.util.UUID uuid =
                    java.util.UUID.nameUUIDFromBytes(
                            ("sandbox-it/" + nodeId)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new org.apache.kafka.common.Uuid(
                            uuid.getMostSignificantBits(), uuid.getLeastSignificantBits())
                    .toString();
        }
    }
}
