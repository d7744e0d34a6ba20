package io.tributary.sandbox.apiserver;

import java.util.List;

/** The built-in kinds the sandbox serves: what the operator, its controllers and kubectl use. */
final class BuiltinResourceTypes {
    static final String CRD_GROUP = "apiextensions.k8s.io";

    /** The kinds {@code kubectl get all} lists. */
    private static final java.util.Set<String> IN_CATEGORY_ALL =
            java.util.Set.of("Pod", "Service", "StatefulSet");

    private BuiltinResourceTypes() {}

    static List<ResourceType> all() {
        return List.of(
                // core/v1
                type("", "v1", "Namespace", "namespaces", false, List.of("ns"), true, false),
                type("", "v1", "Pod", "pods", true, List.of("po"), true, true),
                type("", "v1", "Service", "services", true, List.of("svc"), true, true),
                type("", "v1", "Endpoints", "endpoints", true, List.of("ep"), false, false),
                type("", "v1", "ConfigMap", "configmaps", true, List.of("cm"), false, false),
                type("", "v1", "Secret", "secrets", true, List.of(), false, false),
                type(
                        "",
                        "v1",
                        "PersistentVolumeClaim",
                        "persistentvolumeclaims",
                        true,
                        List.of("pvc"),
                        true,
                        true),
                type(
                        "",
                        "v1",
                        "PersistentVolume",
                        "persistentvolumes",
                        false,
                        List.of("pv"),
                        true,
                        true),
                type(
                        "",
                        "v1",
                        "ServiceAccount",
                        "serviceaccounts",
                        true,
                        List.of("sa"),
                        false,
                        false),
                type("", "v1", "Event", "events", true, List.of("ev"), false, false),
                type("", "v1", "Node", "nodes", false, List.of("no"), true, true),
                // apps/v1
                type("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), true, true),
                type(
                        "apps",
                        "v1",
                        "ControllerRevision",
                        "controllerrevisions",
                        true,
                        List.of(),
                        false,
                        false),
                type(
                        "policy",
                        "v1",
                        "PodDisruptionBudget",
                        "poddisruptionbudgets",
                        true,
                        List.of("pdb"),
                        true,
                        true),
                type("coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), false, true),
                type("events.k8s.io", "v1", "Event", "events", true, List.of("ev"), false, false),
                type(
                        "rbac.authorization.k8s.io",
                        "v1",
                        "Role",
                        "roles",
                        true,
                        List.of(),
                        false,
                        false),
                type(
                        "rbac.authorization.k8s.io",
                        "v1",
                        "RoleBinding",
                        "rolebindings",
                        true,
                        List.of(),
                        false,
                        false),
                type(
                        "rbac.authorization.k8s.io",
                        "v1",
                        "ClusterRole",
                        "clusterroles",
                        false,
                        List.of(),
                        false,
                        false),
                type(
                        "rbac.authorization.k8s.io",
                        "v1",
                        "ClusterRoleBinding",
                        "clusterrolebindings",
                        false,
                        List.of(),
                        false,
                        false),
                type(
                        CRD_GROUP,
                        "v1",
                        "CustomResourceDefinition",
                        "customresourcedefinitions",
                        false,
                        List.of("crd", "crds"),
                        true,
                        true));
    }

    private static ResourceType type(
            String group,
            String version,
            String kind,
            String plural,
            boolean namespaced,
            List<String> shortNames,
            boolean status,
            boolean spec) {
        return new ResourceType(
                group,
                version,
                kind,
                plural,
                kind.toLowerCase(java.util.Locale.ROOT),
                namespaced,
                shortNames,
                IN_CATEGORY_ALL.contains(kind) ? List.of("all") : List.of(),
                status,
                kind.equals("StatefulSet"),
                spec,
                null,
                false);
    }
}
