package io.tributary.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart with values other than the defaults. */
class NonDefaultValuesTest {
    static final HelmChart CHART = HelmChart.inRepository();

    static Map<String, String> env(RenderedChart chart) {
        return DefaultValuesTest.env(chart.operatorContainer());
    }

    @Test
    void settingsFlowIntoTheEnvironment() {
        RenderedChart chart =
                CHART.render(
                        Map.of(
                                "clusterDomain", "corp.example",
                                "brokerImage",
                                        Map.of(
                                                "repository", "registry.local/kafka",
                                                "version", "1.2.3"),
                                "reconcile",
                                        Map.of(
                                                "resyncIntervalSeconds", 300,
                                                "progressIntervalSeconds", 2,
                                                "kafkaTimeoutSeconds", 30),
                                "logging", Map.of("level", "DEBUG", "json", true),
                                "httpPort", 9090,
                                "jvm", Map.of("options", "-Xmx200m"),
                                "env", List.of(Map.of("name", "EXTRA", "value", "x")),
                                "extraArgs", List.of("--log-level=TRACE")));

        assertThat(env(chart))
                .containsEntry("TRIBUTARY_CLUSTER_DOMAIN", "corp.example")
                .containsEntry("TRIBUTARY_BROKER_IMAGE_REPOSITORY", "registry.local/kafka")
                .containsEntry("TRIBUTARY_VERSION", "1.2.3")
                .containsEntry("TRIBUTARY_RESYNC_INTERVAL_SECONDS", "300")
                .containsEntry("TRIBUTARY_PROGRESS_INTERVAL_SECONDS", "2")
                .containsEntry("TRIBUTARY_KAFKA_TIMEOUT_SECONDS", "30")
                .containsEntry("TRIBUTARY_LOG_LEVEL", "DEBUG")
                .containsEntry("TRIBUTARY_LOG_JSON", "true")
                .containsEntry("TRIBUTARY_HTTP_PORT", "9090")
                .containsEntry("JAVA_TOOL_OPTIONS", "-Xmx200m")
                .containsEntry("EXTRA", "x");
        Container operator = chart.operatorContainer();
        assertThat(operator.getArgs()).containsExactly("--log-level=TRACE");
        assertThat(operator.getPorts().get(0).getContainerPort()).isEqualTo(9090);
    }

    @Test
    void anImageTagOverridesTheAppVersion() {
        RenderedChart chart =
                CHART.render(
                        Map.of(
                                "image",
                                Map.of(
                                        "repository", "registry.local:5000/tributary",
                                        "tag", "dev",
                                        "pullPolicy", "Always")));

        assertThat(chart.operatorContainer().getImage())
                .isEqualTo("registry.local:5000/tributary:dev");
        assertThat(chart.operatorContainer().getImagePullPolicy()).isEqualTo("Always");
    }

    @Test
    void withoutLeaderElectionTheDeploymentIsRecreatedAndNoLeaseIsNamed() {
        RenderedChart chart = CHART.render(Map.of("leaderElection", Map.of("enabled", false)));

        assertThat(chart.deployment().getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(env(chart))
                .containsEntry("TRIBUTARY_LEADER_ELECTION", "false")
                .doesNotContainKey("TRIBUTARY_LEADER_ELECTION_LEASE_NAME");
    }

    @Test
    void severalReplicasWithLeaderElection() {
        Deployment deployment = CHART.render(Map.of("replicas", 3)).deployment();

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void anExistingServiceAccount() {
        RenderedChart chart =
                CHART.render(Map.of("serviceAccount", Map.of("create", false, "name", "mine")));

        assertThat(chart.of(ServiceAccount.class)).isEmpty();
        assertThat(chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("mine");
        assertThat(chart.one(ClusterRoleBinding.class).getSubjects().get(0).getName())
                .isEqualTo("mine");
    }

    @Test
    void resourcesAndSchedulingFromTheValues() {
        RenderedChart chart =
                CHART.render(
                        Map.of(
                                "resources",
                                        Map.of(
                                                "requests", Map.of("cpu", "50m", "memory", "300Mi"),
                                                "limits", Map.of("memory", "512Mi")),
                                "nodeSelector", Map.of("kubernetes.io/os", "linux"),
                                "tolerations",
                                        List.of(Map.of("key", "dedicated", "operator", "Exists")),
                                "priorityClassName", "system-cluster-critical",
                                "podLabels", Map.of("team", "data")));
        var pod = chart.deployment().getSpec().getTemplate();

        assertThat(chart.operatorContainer().getResources().getRequests())
                .containsEntry("memory", new Quantity("300Mi"));
        assertThat(chart.operatorContainer().getResources().getLimits())
                .containsEntry("memory", new Quantity("512Mi"));
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
        assertThat(pod.getSpec().getTolerations()).hasSize(1);
        assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("system-cluster-critical");
        assertThat(pod.getMetadata().getLabels()).containsEntry("team", "data");
    }

    @Test
    void aServiceMonitorScrapesTheMetricsPort() {
        RenderedChart chart =
                CHART.render(
                        Map.of(
                                "metrics",
                                Map.of(
                                        "serviceMonitor",
                                        Map.of(
                                                "enabled",
                                                true,
                                                "interval",
                                                "15s",
                                                "labels",
                                                Map.of("release", "prometheus")))));
        HasMetadata monitor = chart.ofKind("ServiceMonitor").get(0);
        Object spec = ((GenericKubernetesResource) monitor).getAdditionalProperties().get("spec");

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(String.valueOf(spec))
                .contains("port=http-metrics", "path=/metrics", "interval=15s");
        assertThat(String.valueOf(spec)).contains("app.kubernetes.io/name=tributary-operator");
    }

    @Test
    void grafanaDashboardsAreConfigMapsForTheSidecar() throws Exception {
        RenderedChart chart = CHART.render(Map.of("grafanaDashboards", Map.of("enabled", true)));
        ConfigMap dashboard = chart.one(ConfigMap.class);
        String json = dashboard.getData().get("tributary-operator.json");

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(json)
                .isEqualTo(
                        Files.readString(
                                        CHART.directory()
                                                .resolve(
                                                        "files/dashboards/tributary-operator.json"))
                                .stripTrailing());
        Map<?, ?> parsed = Serialization.unmarshal(json, Map.class);
        assertThat(parsed.get("title")).isEqualTo("Tributary operator");
        for (String series :
                List.of(
                        "tributary_kafkaclusters",
                        "tributary_kafkacluster_partitions_underreplicated",
                        "tributary_kafkacluster_partitions_offline",
                        "tributary_resources_unconverged_oldest_seconds",
                        "operator_sdk_reconciliations_failed_total",
                        "operator_sdk_controllers_execution_reconcile_seconds_bucket")) {
            assertThat(json).contains(series);
        }
    }

    @Test
    void templatedCrdsAreTheChartsCrdsKeptOnUninstall() throws Exception {
        RenderedChart chart = CHART.render(Map.of("crds", Map.of("templated", true)));
        List<CustomResourceDefinition> crds = chart.of(CustomResourceDefinition.class);

        assertThat(crds)
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "kafkaclusters.kafka.tributary.io",
                        "kafkatopics.kafka.tributary.io",
                        "kafkausers.kafka.tributary.io");
        for (CustomResourceDefinition crd : crds) {
            assertThat(crd.getMetadata().getAnnotations())
                    .containsEntry("helm.sh/resource-policy", "keep");
            CustomResourceDefinition file =
                    Serialization.unmarshal(
                            Files.readString(
                                    CHART.directory()
                                            .resolve("crds")
                                            .resolve(crd.getMetadata().getName() + ".yaml")),
                            CustomResourceDefinition.class);
            assertThat(crd.getSpec())
                    .as("the rendered spec is the file's")
                    .isEqualTo(file.getSpec());
        }
        RenderedChart notKept =
                CHART.render(Map.of("crds", Map.of("templated", true, "keep", false)));
        assertThat(notKept.of(CustomResourceDefinition.class))
                .allSatisfy(
                        c ->
                                assertThat(c.getMetadata().getAnnotations())
                                        .doesNotContainKey("helm.sh/resource-policy"));
    }

    @Test
    void noMetricsServiceWhenDisabled() {
        RenderedChart chart =
                CHART.render(Map.of("metrics", Map.of("service", Map.of("enabled", false))));

        assertThat(chart.ofKind("Service")).isEmpty();
    }
}
