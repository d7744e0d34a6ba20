package io.tributary.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart with its default values, object by object. */
class DefaultValuesTest {
    static RenderedChart chart;
    static String version;

    @BeforeAll
    static void render() {
        chart = HelmChart.inRepository().renderDefaults();
        version = System.getProperty("tributary.version");
    }

    static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            env.put(
                    variable.getName(),
                    variable.getValueFrom() != null
                            ? "fieldRef:" + variable.getValueFrom().getFieldRef().getFieldPath()
                            : variable.getValue());
        }
        return env;
    }

    @Test
    void rendersExactlyTheOperatorsObjects() {
        assertThat(chart.all().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()))
                .containsExactlyInAnyOrder(
                        "ServiceAccount/tributary-operator",
                        "ClusterRole/tributary-operator",
                        "ClusterRoleBinding/tributary-operator",
                        "Role/tributary-operator-leader-election",
                        "RoleBinding/tributary-operator-leader-election",
                        "Service/tributary-operator-metrics",
                        "Deployment/tributary-operator");
    }

    @Test
    void theImageIsTheOperatorsAtTheChartsAppVersion() {
        Container operator = chart.operatorContainer();

        assertThat(operator.getImage())
                .isEqualTo("ghcr.io/tributary-io/tributary-operator:" + version);
        assertThat(operator.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(operator.getArgs()).isEmpty();
    }

    @Test
    void theEnvironmentSetsEverySettingFromTheValues() {
        assertThat(env(chart.operatorContainer()))
                .containsExactly(
                        Map.entry("TRIBUTARY_NAMESPACES", ""),
                        Map.entry("TRIBUTARY_CLUSTER_DOMAIN", "cluster.local"),
                        Map.entry(
                                "TRIBUTARY_BROKER_IMAGE_REPOSITORY",
                                "ghcr.io/tributary-io/tributary-kafka"),
                        Map.entry("TRIBUTARY_RESYNC_INTERVAL_SECONDS", "60"),
                        Map.entry("TRIBUTARY_PROGRESS_INTERVAL_SECONDS", "5"),
                        Map.entry("TRIBUTARY_KAFKA_TIMEOUT_SECONDS", "10"),
                        Map.entry("TRIBUTARY_LOG_LEVEL", "INFO"),
                        Map.entry("TRIBUTARY_LOG_JSON", "false"),
                        Map.entry("TRIBUTARY_LEADER_ELECTION", "true"),
                        Map.entry("TRIBUTARY_LEADER_ELECTION_LEASE_NAME", "tributary-operator"),
                        Map.entry(
                                "TRIBUTARY_LEADER_ELECTION_LEASE_NAMESPACE",
                                "fieldRef:metadata.namespace"),
                        Map.entry("TRIBUTARY_LEADER_ELECTION_IDENTITY", "fieldRef:metadata.name"),
                        Map.entry("TRIBUTARY_HTTP_PORT", "8080"));
    }

    @Test
    void probesAskTheOperatorsHealthEndpointsOnItsHttpPort() {
        Container operator = chart.operatorContainer();

        assertThat(operator.getPorts())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getName()).isEqualTo("http");
                            assertThat(p.getContainerPort()).isEqualTo(8080);
                        });
        assertProbe(operator.getStartupProbe(), "/healthz");
        assertProbe(operator.getLivenessProbe(), "/healthz");
        assertProbe(operator.getReadinessProbe(), "/readyz");
        assertThat(
                        operator.getStartupProbe().getPeriodSeconds()
                                * operator.getStartupProbe().getFailureThreshold())
                .as("seconds a slow JVM start may take")
                .isGreaterThanOrEqualTo(60);
    }

    static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void runsAsANonRootUserWithAReadOnlyRootAndNoPrivilege() {
        PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
        Container operator = chart.operatorContainer();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType())
                .isEqualTo("RuntimeDefault");
        assertThat(operator.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(operator.getSecurityContext().getPrivileged()).isFalse();
        assertThat(operator.getSecurityContext().getCapabilities().getDrop())
                .containsExactly("ALL");
        assertThat(operator.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(operator.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes())
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }

    @Test
    void resourcesHaveRequestsAndLimitsWithRoomAboveTheRequest() {
        var resources = chart.operatorContainer().getResources();

        assertThat(resources.getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("256Mi"));
        assertThat(resources.getLimits())
                .containsEntry("cpu", new Quantity("1"))
                .containsEntry("memory", new Quantity("384Mi"));
    }

    @Test
    void oneReplicaThatRollsOverThroughTheLease() {
        Deployment deployment = chart.deployment();

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    }

    @Test
    void theServiceAccountIsTheDeploymentsAndBothBindingsName() {
        ServiceAccount account = chart.one(ServiceAccount.class);
        String name = account.getMetadata().getName();

        assertThat(account.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
        assertThat(chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(name);
        assertThat(chart.one(ClusterRoleBinding.class).getSubjects())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.getName()).isEqualTo(name);
                            assertThat(s.getNamespace()).isEqualTo(HelmChart.NAMESPACE);
                        });
        assertThat(chart.one(ClusterRoleBinding.class).getRoleRef().getName())
                .isEqualTo(chart.one(ClusterRole.class).getMetadata().getName());
    }

    @Test
    void theLeaseRoleIsInTheReleaseNamespaceAndCoversOnlyLeases() {
        Role role = chart.one(Role.class);

        assertThat(role.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
        assertThat(role.getRules())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.getApiGroups()).containsExactly("coordination.k8s.io");
                            assertThat(r.getResources()).containsExactly("leases");
                            assertThat(r.getVerbs())
                                    .containsExactly("get", "create", "update", "patch");
                        });
    }

    @Test
    void theMetricsServiceSelectsTheOperatorPodAndItsHttpPort() {
        Service service = chart.one(Service.class);
        Map<String, String> podLabels =
                chart.deployment().getSpec().getTemplate().getMetadata().getLabels();

        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(chart.deployment().getSpec().getSelector().getMatchLabels())
                .isEqualTo(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getName()).isEqualTo("http-metrics");
                            assertThat(p.getPort()).isEqualTo(8080);
                            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
                        });
    }

    @Test
    void everyObjectCarriesTheChartsLabels() {
        for (var object : chart.all()) {
            assertThat(object.getMetadata().getLabels())
                    .as("%s %s", object.getKind(), object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/name", "tributary-operator")
                    .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
                    .containsEntry("app.kubernetes.io/version", version)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        }
    }

    @Test
    void namespacedObjectsAreInTheReleaseNamespace() {
        List<String> elsewhere =
                chart.all().stream()
                        .filter(o -> !o.getKind().startsWith("Cluster"))
                        .filter(o -> !HelmChart.NAMESPACE.equals(o.getMetadata().getNamespace()))
                        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                        .collect(Collectors.toList());

        assertThat(elsewhere).isEmpty();
    }
}
