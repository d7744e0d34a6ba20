package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.CertificatesSpec;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against fabric8's CRUD mock API server, without Kafka: what it creates, and what
 * its status says before any broker runs. The sandbox ITs cover the rest with real brokers.
 */
@EnableKubernetesMockClient(crud = true)
class KafkaClusterReconcilerTest {
    KubernetesClient client;
    private TributaryOperator operator;

    @BeforeEach
    void startOperator() {
        operator = TributaryOperator.start(client, OperatorSettings.defaults());
    }

    @AfterEach
    void stopOperator() {
        operator.close();
    }

    @Test
    void createsTheClusterResourcesAndReportsProgressFromTheFirstReconcile() throws Exception {
        KafkaCluster cluster = client.resource(example()).create();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            KafkaCluster current =
                                    client.resources(KafkaCluster.class)
                                            .withName("my-cluster")
                                            .get();
                            assertThat(current.getStatus()).isNotNull();
                            Condition ready =
                                    current.getStatus().findCondition("Ready").orElseThrow();
                            assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
                            assertThat(ready.getObservedGeneration())
                                    .isEqualTo(cluster.getMetadata().getGeneration());
                            assertThat(
                                            current.getStatus()
                                                    .findCondition("Reconciling")
                                                    .orElseThrow()
                                                    .getStatus())
                                    .isEqualTo(ConditionStatus.TRUE);
                            assertThat(current.getStatus().getObservedGeneration())
                                    .isEqualTo(cluster.getMetadata().getGeneration());
                            assertThat(current.getStatus().getClusterId()).isNotBlank();
                            assertThat(current.getStatus().getListeners())
                                    .singleElement()
                                    .satisfies(
                                            l ->
                                                    assertThat(l.getBootstrapServers())
                                                            .isEqualTo(
                                                                    "my-cluster-plain-bootstrap.test.svc:9092"));
                        });
        StatefulSet sts = client.apps().statefulSets().withName("my-cluster-brokers").get();
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getMetadata().getOwnerReferences().get(0).getUid())
                .isEqualTo(cluster.getMetadata().getUid());
        assertThat(client.configMaps().withName("my-cluster-brokers-config").get()).isNotNull();
        assertThat(client.services().withName("my-cluster-brokers").get()).isNotNull();
        assertThat(client.services().withName("my-cluster-plain-bootstrap").get()).isNotNull();
        assertThat(client.policy().v1().podDisruptionBudget().withName("my-cluster-brokers").get())
                .isNotNull();
        assertThat(client.serviceAccounts().withName("my-cluster-kafka").get()).isNotNull();
    }

    @Test
    void keepsTheClusterIdAndDoesNotRewriteUnchangedResources() throws Exception {
        client.resource(example()).create();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                client.apps().statefulSets().withName("my-cluster-brokers").get()
                                        != null);
        // The StatefulSet is written before the status: the status may not be there yet.
        String clusterId =
                await().atMost(Duration.ofSeconds(20))
                        .ignoreExceptionsInstanceOf(NullPointerException.class)
                        .until(
                                () ->
                                        client.resources(KafkaCluster.class)
                                                .withName("my-cluster")
                                                .get()
                                                .getStatus()
                                                .getClusterId(),
                                id -> id != null);
        String version =
                client.apps()
                        .statefulSets()
                        .withName("my-cluster-brokers")
                        .get()
                        .getMetadata()
                        .getResourceVersion();

        Thread.sleep(6_000);

        assertThat(
                        client.apps()
                                .statefulSets()
                                .withName("my-cluster-brokers")
                                .get()
                                .getMetadata()
                                .getResourceVersion())
                .isEqualTo(version);
        assertThat(
                        client.resources(KafkaCluster.class)
                                .withName("my-cluster")
                                .get()
                                .getStatus()
                                .getClusterId())
                .isEqualTo(clusterId);
    }

    @Test
    void refusedSpecChangesNothingAndSaysWhy() throws Exception {
        KafkaCluster cluster = example();
        cluster.getSpec().getListeners().get(0).setTls(true);
        CertificatesSpec certificates = new CertificatesSpec();
        certificates.setClusterCaSecret("our-own-ca");
        cluster.getSpec().setCertificates(certificates);
        client.resource(cluster).create();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            KafkaCluster current =
                                    client.resources(KafkaCluster.class)
                                            .withName("my-cluster")
                                            .get();
                            assertThat(current.getStatus()).isNotNull();
                            Condition stalled =
                                    current.getStatus().findCondition("Stalled").orElseThrow();
                            assertThat(stalled.getStatus()).isEqualTo(ConditionStatus.TRUE);
                            assertThat(stalled.getReason()).isEqualTo("CaSecretNotFound");
                            assertThat(stalled.getMessage())
                                    .contains("spec.certificates.clusterCaSecret")
                                    .contains("our-own-ca");
                        });
        assertThat(client.apps().statefulSets().list().getItems()).isEmpty();
        assertThat(client.configMaps().list().getItems()).isEmpty();
        assertThat(client.secrets().list().getItems()).isEmpty();
        assertThat(client.v1().events().list().getItems())
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("CaSecretNotFound"));
    }

    @Test
    void pausedClusterGetsNothingUntilTheAnnotationIsRemoved() throws Exception {
        KafkaCluster cluster = example();
        cluster.getMetadata()
                .setAnnotations(
                        new java.util.HashMap<>(
                                java.util.Map.of(ReconciliationPause.ANNOTATION, "true")));
        client.resource(cluster).create();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            KafkaCluster current =
                                    client.resources(KafkaCluster.class)
                                            .withName("my-cluster")
                                            .get();
                            assertThat(current.getStatus()).isNotNull();
                            assertThat(
                                            current.getStatus()
                                                    .findCondition(ReconciliationPause.CONDITION)
                                                    .orElseThrow()
                                                    .getStatus())
                                    .isEqualTo(ConditionStatus.TRUE);
                            assertThat(
                                            current.getStatus()
                                                    .findCondition("Stalled")
                                                    .orElseThrow()
                                                    .getReason())
                                    .isEqualTo(ReconciliationPause.CONDITION);
                        });
        assertThat(client.apps().statefulSets().list().getItems()).isEmpty();
        assertThat(client.configMaps().list().getItems()).isEmpty();

        client.resources(KafkaCluster.class)
                .withName("my-cluster")
                .edit(
                        c -> {
                            c.getMetadata().getAnnotations().remove(ReconciliationPause.ANNOTATION);
                            return c;
                        });

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            assertThat(
                                            client.apps()
                                                    .statefulSets()
                                                    .withName("my-cluster-brokers")
                                                    .get())
                                    .isNotNull();
                            assertThat(
                                            client.resources(KafkaCluster.class)
                                                    .withName("my-cluster")
                                                    .get()
                                                    .getStatus()
                                                    .findCondition(ReconciliationPause.CONDITION))
                                    .isEmpty();
                        });
    }

    private static KafkaCluster example() throws Exception {
        Path file =
                Path.of(
                        System.getProperty("tributary.root", ".."),
                        "examples",
                        "kafka-cluster.yaml");
        KafkaCluster cluster = Serialization.unmarshal(Files.readString(file), KafkaCluster.class);
        cluster.getMetadata().setNamespace("test");
        return cluster;
    }
}
