package io.tributary.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a service account may do according to a set of RBAC objects, decided as Kubernetes' RBAC
 * authoriser does: rules of ClusterRoles bound cluster-wide apply everywhere, rules bound by a
 * RoleBinding apply in its namespace only. Calls every authenticated user may make (discovery, self
 * reviews) are allowed as the default cluster roles allow them.
 */
public final class RbacRules {
    /** What {@code system:basic-user}, {@code system:discovery} and friends allow everyone. */
    private static final List<PolicyRule> EVERYONE =
            List.of(
                    rule(
                            List.of("authorization.k8s.io"),
                            List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews"),
                            List.of("create")),
                    rule(
                            List.of("authentication.k8s.io"),
                            List.of("selfsubjectreviews"),
                            List.of("create")));

    private static final Set<String> PUBLIC_PATHS =
            Set.of("/api", "/apis", "/version", "/healthz", "/livez", "/readyz", "/openapi/v2");
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/", "/apis/", "/openapi/v3");

    private final List<PolicyRule> clusterWide;
    private final Map<String, List<PolicyRule>> byNamespace;

    private RbacRules(List<PolicyRule> clusterWide, Map<String, List<PolicyRule>> byNamespace) {
        this.clusterWide = clusterWide;
        this.byNamespace = byNamespace;
    }

    /**
     * The rules bound to the service account.
     *
     * @param defaultNamespace the namespace of objects rendered without one (the release's)
     */
    public static RbacRules of(
            List<HasMetadata> objects, String serviceAccount, String defaultNamespace) {
        Map<String, ClusterRole> clusterRoles = new HashMap<>();
        Map<String, Role> roles = new HashMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof ClusterRole role) {
                clusterRoles.put(role.getMetadata().getName(), role);
            } else if (object instanceof Role role) {
                roles.put(
                        namespace(role, defaultNamespace) + "/" + role.getMetadata().getName(),
                        role);
            }
        }
        List<PolicyRule> clusterWide = new ArrayList<>();
        Map<String, List<PolicyRule>> byNamespace = new HashMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof ClusterRoleBinding binding
                    && bindsAccount(
                            binding.getSubjects(), serviceAccount, defaultNamespace, null)) {
                ClusterRole role = clusterRoles.get(binding.getRoleRef().getName());
                if (role != null && role.getRules() != null) {
                    clusterWide.addAll(role.getRules());
                }
            } else if (object instanceof RoleBinding binding) {
                String namespace = namespace(binding, defaultNamespace);
                if (!bindsAccount(
                        binding.getSubjects(), serviceAccount, defaultNamespace, namespace)) {
                    continue;
                }
                RoleRef ref = binding.getRoleRef();
                List<PolicyRule> rules =
                        ref.getKind().equals("ClusterRole")
                                ? rulesOf(clusterRoles.get(ref.getName()))
                                : rulesOf(roles.get(namespace + "/" + ref.getName()));
                byNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).addAll(rules);
            }
        }
        return new RbacRules(List.copyOf(clusterWide), byNamespace);
    }

    /** Whether the call is allowed. */
    public boolean allows(ApiAccess access) {
        if (!access.isResource()) {
            return PUBLIC_PATHS.contains(access.path())
                    || PUBLIC_PREFIXES.stream().anyMatch(p -> access.path().startsWith(p));
        }
        if (EVERYONE.stream().anyMatch(r -> allows(r, access))
                || clusterWide.stream().anyMatch(r -> allows(r, access))) {
            return true;
        }
        return access.namespace() != null
                && byNamespace.getOrDefault(access.namespace(), List.of()).stream()
                        .anyMatch(r -> allows(r, access));
    }

    /** Every rule bound cluster-wide. */
    public List<PolicyRule> clusterWideRules() {
        return clusterWide;
    }

    /** The rules bound in each namespace by RoleBindings. */
    public Map<String, List<PolicyRule>> namespacedRules() {
        return byNamespace;
    }

    /** Whether one rule allows the call. */
    static boolean allows(PolicyRule rule, ApiAccess access) {
        return matches(rule.getApiGroups(), access.group())
                && matches(rule.getResources(), access.ruleResource())
                && matches(rule.getVerbs(), access.verb())
                && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty());
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed != null && (allowed.contains("*") || allowed.contains(value));
    }

    private static boolean bindsAccount(
            List<Subject> subjects,
            String account,
            String accountNamespace,
            String bindingNamespace) {
        if (subjects == null) {
            return false;
        }
        return subjects.stream()
                .anyMatch(
                        s ->
                                "ServiceAccount".equals(s.getKind())
                                        && account.equals(s.getName())
                                        && accountNamespace.equals(
                                                Objects.requireNonNullElse(
                                                        s.getNamespace(), bindingNamespace)));
    }

    private static List<PolicyRule> rulesOf(HasMetadata role) {
        if (role instanceof ClusterRole clusterRole && clusterRole.getRules() != null) {
            return clusterRole.getRules();
        }
        if (role instanceof Role namespaced && namespaced.getRules() != null) {
            return namespaced.getRules();
        }
        return List.of();
    }

    private static String namespace(HasMetadata object, String fallback) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? fallback : namespace;
    }

    private static PolicyRule rule(
            List<String> groups, List<String> resources, List<String> verbs) {
        PolicyRule rule = new PolicyRule();
        rule.setApiGroups(groups);
        rule.setResources(resources);
        rule.setVerbs(verbs);
        return rule;
    }
}
