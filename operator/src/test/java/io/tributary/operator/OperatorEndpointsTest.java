package io.tributary.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.http.HealthReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running operator's health and metrics against fabric8's CRUD mock API server: ready once
 * started, JOSDK's reconciliation series and Tributary's gauges for a cluster it reconciled.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorEndpointsTest {
    KubernetesClient client;
    TributaryOperator operator;

    @BeforeEach
    void start() {
        operator = TributaryOperator.start(client, OperatorSettings.defaults());
    }

    @AfterEach
    void stop() {
        operator.close();
    }

    @Test
    void aStartedOperatorIsLiveReadyAndLeading() {
        HealthReport health = operator.health();

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).as("%s", health.problems()).isTrue();
        assertThat(operator.leading()).isTrue();
    }

    @Test
    void metricsCountReconciliationsAndTheClusterTheyWrote() throws Exception {
        Path example =
                Path.of(
                        System.getProperty("tributary.root", ".."),
                        "examples",
                        "kafka-cluster.yaml");
        KafkaCluster cluster =
                Serialization.unmarshal(Files.readString(example), KafkaCluster.class);
        client.resource(cluster).create();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                client.resources(KafkaCluster.class)
                                                .withName("my-cluster")
                                                .get()
                                                .getStatus()
                                        != null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(operator.scrape())
                                        .containsPattern(
                                                "operator_sdk_reconciliations_started_total\\{.*kind=\"KafkaCluster\".*\\}"
                                                    + " [1-9]")
                                        .contains("tributary_kafkaclusters{ready=\"false\"} 1.0")
                                        .contains(
                                                "tributary_kafkacluster_brokers_desired{cluster=\"my-cluster\",namespace=\"test\"}"
                                                    + " 3.0")
                                        .contains(
                                                "tributary_resources_unconverged{kind=\"KafkaCluster\"}"
                                                    + " 1.0")
                                        .contains(
                                                "operator_sdk_controllers_execution_reconcile_seconds_bucket{controller=\"kafkacluster\"")
                                        .contains("tributary_leader 1.0"));
    }
}
