package io.tributary.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Flux Kustomization's {@code spec.healthCheckExprs}: the kind it applies to and its
 * CEL expressions ({@code current} required, {@code inProgress} and {@code failed} optional, empty
 * when absent).
 */
record FluxHealthCheck(
        String apiVersion, String kind, String inProgress, String failed, String current) {

    /** The entries of {@code flux/health-check-exprs.yaml}. */
    static List<FluxHealthCheck> fromKustomization() {
        JsonNode kustomization = GitopsFiles.readYaml(GitopsFiles.fluxKustomization());
        List<FluxHealthCheck> checks = new ArrayList<>();
        for (JsonNode entry : kustomization.path("spec").path("healthCheckExprs")) {
            checks.add(
                    new FluxHealthCheck(
                            entry.path("apiVersion").asText(),
                            entry.path("kind").asText(),
                            entry.path("inProgress").asText(""),
                            entry.path("failed").asText(""),
                            entry.path("current").asText("")));
        }
        return checks;
    }

    static FluxHealthCheck forKind(String kind) {
        return fromKustomization().stream()
                .filter(c -> c.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no healthCheckExprs entry for " + kind));
    }
}
