package io.tributary.gitops;

import java.util.Map;

/**
 * Renders {@code argocd/argocd-cm-patch.yaml}: the {@code argocd-cm} ConfigMap entries that install
 * each kind's {@code health.lua}, under Argo CD's {@code
 * resource.customizations.health.<group>_<Kind>} keys, each script copied verbatim.
 */
final class ArgoCdConfigMap {
    static final String HEADER =
            """
            # Installs Tributary's health checks in Argo CD: merge these entries into the argocd-cm
            # ConfigMap, for example
            #   kubectl -n argocd patch configmap argocd-cm --patch-file argocd-cm-patch.yaml
            # or list this file under `patches:` in the kustomization that installs Argo CD.
            # Generated from resource_customizations/kafka.tributary.io/*/health.lua; do not edit by
            # hand. After changing a script, regenerate it with
            #   ./mvnw -pl gitops -am test -Dtest=ArgoCdConfigMapTest \\
            #     -Dsurefire.failIfNoSpecifiedTests=false -Dargocd-cm.update
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
              namespace: argocd
              labels:
                app.kubernetes.io/name: argocd-cm
                app.kubernetes.io/part-of: argocd
            data:
            """;

    private ArgoCdConfigMap() {}

    static String key(String kind) {
        return "resource.customizations.health." + GitopsFiles.GROUP + "_" + kind;
    }

    /** The file's text, for the scripts by kind (in the map's order). */
    static String render(Map<String, String> scriptsByKind) {
        StringBuilder yaml = new StringBuilder(HEADER);
        scriptsByKind.forEach(
                (kind, script) -> {
                    if (!script.endsWith("\n") || script.endsWith("\n\n")) {
                        throw new IllegalArgumentException(
                                kind + "/health.lua must end with exactly one newline");
                    }
                    yaml.append("  ").append(key(kind)).append(": |\n");
                    for (String line : script.split("\n", -1)) {
                        if (!line.isEmpty()) {
                            yaml.append("    ").append(line);
                        }
                        yaml.append('\n');
                    }
                    yaml.setLength(yaml.length() - 1);
                });
        return yaml.toString();
    }
}
