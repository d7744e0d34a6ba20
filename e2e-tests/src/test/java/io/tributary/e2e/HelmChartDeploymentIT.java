package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.chart.HelmChart;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator as the Helm chart deploys it: its runnable jar started with exactly the environment
 * and arguments of the chart's Deployment (default values; the downward API resolved as a pod's
 * would be; a free HTTP port instead of 8080) and the image's JVM settings, reconciles the example
 * cluster and a topic, and answers {@code /healthz}, {@code /readyz} and {@code /metrics}. Closing
 * the sandbox checks its calls against the chart's RBAC, Lease included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelmChartDeploymentIT {
    static final String POD = "tributary-operator-5d8c7b9f6-x2k4q";
    static final String NAMESPACE = "chart-it";

    SandboxEnvironment environment;
    KubernetesClient client;
    OperatorJvm operator;

    @BeforeAll
    void start() throws Exception {
        environment = new SandboxEnvironment(getClass().getSimpleName(), false);
        client = environment.client();
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(HelmChart.NAMESPACE)
                                .endMetadata()
                                .build())
                .create();
        ChartDeployment deployment = ChartDeployment.forPod(POD).onPort(OperatorJvm.freePort());
        Path work = Path.of("target", "sandbox-" + getClass().getSimpleName());
        operator =
                OperatorJvm.start(
                        deployment.environment(),
                        deployment.args(),
                        environment.sandbox().kubeconfig(),
                        environment.sandbox().hostsFile(),
                        work.resolve("operator.log"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (operator != null) {
                if (operator.isAlive()) {
                    System.out.printf(
                            "operator peak RSS (one 3-node cluster, one topic): %d MiB%n",
                            operator.peakResidentMemoryMiB());
                }
                int exit = operator.stop();
                System.out.println("operator exited with " + exit);
            }
        } finally {
            if (environment != null) {
                environment.close();
            }
        }
    }

    @Test
    @Order(1)
    void becomesReadyAndTakesTheLease() {
        Eventually.until(
                client,
                HelmChart.NAMESPACE,
                "the operator to be ready\n" + operator.logTail(),
                Duration.ofMinutes(2),
                () -> operator.ready());

        HttpResponse<String> health = operator.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(operator.get("/readyz").body()).isEqualTo("ok\n");
        Eventually.until(
                client,
                HelmChart.NAMESPACE,
                "the operator to hold the Lease",
                Duration.ofSeconds(60),
                () -> {
                    Lease lease =
                            client.leases()
                                    .inNamespace(HelmChart.NAMESPACE)
                                    .withName("tributary-operator")
                                    .get();
                    return lease != null && POD.equals(lease.getSpec().getHolderIdentity());
                });
    }

    @Test
    @Order(2)
    void reconcilesTheExampleClusterAndATopic() throws Exception {
        Clusters clusters = new Clusters(client, NAMESPACE);
        clusters.create(Clusters.example("kafka-cluster.yaml"));
        clusters.awaitReady("my-cluster");

        KafkaTopic topic =
                Serialization.unmarshal(
                        Files.readString(OperatorJvm.root().resolve("examples/kafka-topic.yaml")),
                        KafkaTopic.class);
        topic.getMetadata().setNamespace(NAMESPACE);
        client.resource(topic).create();
        Eventually.until(
                client,
                NAMESPACE,
                "the example topic to be Ready",
                Duration.ofMinutes(2),
                () -> {
                    KafkaTopic current = client.resource(topic).get();
                    return current.getStatus() != null
                            && current.getStatus()
                                    .findCondition(Condition.READY)
                                    .map(c -> c.getStatus().name().equals("TRUE"))
                                    .orElse(false);
                });
    }

    @Test
    @Order(3)
    void metricsShowTheReconciliationsAndTheClusterAsTributarySeesIt() {
        String cluster = "{cluster=\"my-cluster\",namespace=\"" + NAMESPACE + "\"}";
        Eventually.until(
                client,
                NAMESPACE,
                "the metrics to show the Ready cluster",
                Duration.ofSeconds(60),
                () -> {
                    String metrics = operator.metrics();
                    assertThat(metrics)
                            .containsPattern(
                                    "operator_sdk_reconciliations_started_total\\{[^}]*kind=\"KafkaCluster\"[^}]*\\}"
                                        + " [1-9]")
                            .containsPattern(
                                    "operator_sdk_reconciliations_success_total\\{[^}]*kind=\"KafkaTopic\"[^}]*\\}"
                                        + " [1-9]")
                            .containsPattern(
                                    "operator_sdk_controllers_execution_reconcile_seconds_count\\{controller=\"kafkacluster\"[^}]*\\}"
                                        + " [1-9]")
                            .contains("tributary_kafkaclusters{ready=\"true\"} 1.0")
                            .contains("tributary_kafkacluster_ready" + cluster + " 1.0")
                            .contains("tributary_kafkacluster_brokers_ready" + cluster + " 3.0")
                            .contains("tributary_kafkacluster_brokers_desired" + cluster + " 3.0")
                            .contains(
                                    "tributary_kafkacluster_partitions_offline" + cluster + " 0.0")
                            .contains("tributary_kafkacluster_roll_in_progress" + cluster + " 0.0")
                            .contains(
                                    "tributary_kafkatopics{cluster=\"my-cluster\",namespace=\""
                                            + NAMESPACE
                                            + "\",ready=\"true\"} 1.0")
                            .contains("tributary_resources_unconverged{kind=\"KafkaCluster\"} 0.0")
                            .contains("tributary_leader 1.0")
                            .contains("jvm_memory_used_bytes");
                    return true;
                });
    }
}
