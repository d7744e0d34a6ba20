package io.tributary.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.operator.kube.OwnedResourceSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC: what the operator's code watches is granted, nothing with a wildcard, no
 * Secrets (the operator reads none yet), and Roles only, in each namespace, for a namespace list.
 */
class RbacRulesTest {
    static final HelmChart CHART = HelmChart.inRepository();

    /** What the operator's informers list and watch: its primaries and what they own. */
    static List<Class<? extends HasMetadata>> watchedTypes() {
        List<Class<? extends HasMetadata>> types = new ArrayList<>();
        types.add(KafkaCluster.class);
        types.add(KafkaTopic.class);
        types.addAll(OwnedResourceSources.TYPES);
        return types;
    }

    static ApiAccess access(String verb, Class<? extends HasMetadata> type, String namespace) {
        return ApiAccess.resource(
                verb, HasMetadata.getGroup(type), HasMetadata.getPlural(type), null, namespace);
    }

    @Test
    void everyTypeTheOperatorWatchesCanBeListedAndWatchedInAllNamespaces() {
        RbacRules rules = CHART.renderDefaults().rbac();

        for (Class<? extends HasMetadata> type : watchedTypes()) {
            for (String verb : List.of("list", "watch")) {
                assertThat(rules.allows(access(verb, type, null)))
                        .as("%s %s across all namespaces", verb, type.getSimpleName())
                        .isTrue();
            }
        }
    }

    @Test
    void theOperatorsWritesAreGranted() {
        RbacRules rules = CHART.renderDefaults().rbac();

        for (ApiAccess write :
                List.of(
                        ApiAccess.resource(
                                "patch", "kafka.tributary.io", "kafkaclusters", "status", "kafka"),
                        ApiAccess.resource(
                                "patch", "kafka.tributary.io", "kafkatopics", "status", "kafka"),
                        ApiAccess.resource(
                                "update",
                                "kafka.tributary.io",
                                "kafkaclusters",
                                "finalizers",
                                "kafka"),
                        ApiAccess.resource("create", "apps", "statefulsets", null, "kafka"),
                        ApiAccess.resource("update", "apps", "statefulsets", null, "kafka"),
                        ApiAccess.resource("delete", "", "pods", null, "kafka"),
                        ApiAccess.resource("create", "", "events", null, "kafka"),
                        ApiAccess.resource(
                                "create",
                                "coordination.k8s.io",
                                "leases",
                                null,
                                HelmChart.NAMESPACE),
                        ApiAccess.resource(
                                "update",
                                "coordination.k8s.io",
                                "leases",
                                null,
                                HelmChart.NAMESPACE),
                        ApiAccess.resource(
                                "create",
                                "authorization.k8s.io",
                                "selfsubjectrulesreviews",
                                null,
                                null),
                        ApiAccess.nonResource("get", "/version"))) {
            assertThat(rules.allows(write)).as("%s", write).isTrue();
        }
    }

    @Test
    void nothingElseIsGranted() {
        RbacRules rules = CHART.renderDefaults().rbac();

        for (ApiAccess other :
                List.of(
                        ApiAccess.resource("patch", "", "secrets", null, "kafka"),
                        ApiAccess.resource("deletecollection", "", "secrets", null, "kafka"),
                        ApiAccess.resource(
                                "update", "kafka.tributary.io", "kafkaclusters", null, "kafka"),
                        ApiAccess.resource(
                                "update", "kafka.tributary.io", "kafkatopics", "status", "kafka"),
                        ApiAccess.resource("get", "apps", "statefulsets", null, "kafka"),
                        ApiAccess.resource("update", "", "configmaps", "status", "kafka"),
                        ApiAccess.resource("delete", "apps", "statefulsets", null, "kafka"),
                        ApiAccess.resource(
                                "delete", "kafka.tributary.io", "kafkaclusters", null, "kafka"),
                        ApiAccess.resource("create", "", "pods", null, "kafka"),
                        ApiAccess.resource("update", "", "pods", null, "kafka"),
                        ApiAccess.resource("list", "", "nodes", null, null),
                        ApiAccess.resource("get", "", "namespaces", null, null),
                        ApiAccess.resource(
                                "create",
                                "apiextensions.k8s.io",
                                "customresourcedefinitions",
                                null,
                                null),
                        ApiAccess.resource(
                                "update", "kafka.tributary.io", "kafkausers", null, "kafka"),
                        ApiAccess.resource(
                                "create", "coordination.k8s.io", "leases", null, "kafka"),
                        ApiAccess.resource(
                                "create", "rbac.authorization.k8s.io", "roles", null, "kafka"))) {
            assertThat(rules.allows(other)).as("%s", other).isFalse();
        }
    }

    @Test
    void noRuleUsesAWildcardAndSecretsHaveARuleOfTheirOwn() {
        for (Map<String, ?> values :
                List.of(Map.<String, Object>of(), Map.of("watchNamespaces", List.of("a", "b")))) {
            RenderedChart chart = CHART.render(values);
            List<PolicyRule> rules = new ArrayList<>();
            chart.of(ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
            chart.of(Role.class).forEach(r -> rules.addAll(r.getRules()));

            assertThat(rules).isNotEmpty();
            for (PolicyRule rule : rules) {
                assertThat(
                                Stream.of(rule.getApiGroups(), rule.getResources(), rule.getVerbs())
                                        .flatMap(List::stream))
                        .as("%s", rule)
                        .doesNotContain("*")
                        .noneMatch(s -> s.contains("*"));
                if (rule.getResources().contains("secrets")) {
                    // Keys and passwords: nothing else shares the rule, no patch, no bulk delete.
                    assertThat(rule.getResources()).containsExactly("secrets");
                    assertThat(rule.getVerbs())
                            .containsExactlyInAnyOrder(
                                    "get", "list", "watch", "create", "update", "delete");
                }
            }
        }
    }

    @Test
    void aNamespaceListGetsARoleInEachNamespaceAndNoClusterRole() {
        RenderedChart chart = CHART.render(Map.of("watchNamespaces", List.of("kafka", "team-a")));
        RbacRules rules = chart.rbac();

        assertThat(chart.of(ClusterRole.class)).isEmpty();
        assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(chart.of(Role.class).stream().map(r -> r.getMetadata().getNamespace()))
                .containsExactlyInAnyOrder("kafka", "team-a", HelmChart.NAMESPACE);
        assertThat(chart.of(RoleBinding.class))
                .allSatisfy(
                        b ->
                                assertThat(b.getSubjects().get(0).getNamespace())
                                        .isEqualTo(HelmChart.NAMESPACE));
        for (Class<? extends HasMetadata> type : watchedTypes()) {
            assertThat(rules.allows(access("watch", type, "kafka"))).isTrue();
            assertThat(rules.allows(access("watch", type, "team-a"))).isTrue();
            assertThat(rules.allows(access("watch", type, "other")))
                    .as("%s outside the list", type.getSimpleName())
                    .isFalse();
            assertThat(rules.allows(access("list", type, null)))
                    .as("%s across all namespaces", type.getSimpleName())
                    .isFalse();
        }
        assertThat(chart.operatorContainer().getEnv())
                .anySatisfy(
                        e -> {
                            assertThat(e.getName()).isEqualTo("TRIBUTARY_NAMESPACES");
                            assertThat(e.getValue()).isEqualTo("kafka,team-a");
                        });
    }

    @Test
    void theNamespaceRolesGrantWhatTheClusterRoleGrants() {
        List<PolicyRule> cluster = CHART.renderDefaults().one(ClusterRole.class).getRules();
        RenderedChart listed = CHART.render(Map.of("watchNamespaces", List.of("kafka")));

        assertThat(
                        listed.of(Role.class).stream()
                                .filter(r -> r.getMetadata().getNamespace().equals("kafka"))
                                .findFirst()
                                .orElseThrow()
                                .getRules())
                .isEqualTo(cluster);
    }

    @Test
    void withoutLeaderElectionThereIsNoLeaseRole() {
        RenderedChart chart = CHART.render(Map.of("leaderElection", Map.of("enabled", false)));

        assertThat(chart.of(Role.class)).isEmpty();
        assertThat(
                        chart.rbac()
                                .allows(
                                        ApiAccess.resource(
                                                "get",
                                                "coordination.k8s.io",
                                                "leases",
                                                null,
                                                HelmChart.NAMESPACE)))
                .isFalse();
    }

    @Test
    void rbacCanBeLeftToTheUser() {
        RenderedChart chart = CHART.render(Map.of("rbac", Map.of("create", false)));

        assertThat(chart.ofKind("ClusterRole")).isEmpty();
        assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(chart.ofKind("Role")).isEmpty();
        assertThat(chart.ofKind("RoleBinding")).isEmpty();
    }
}
