package io.tributary.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a kind's {@code health_test.yaml}, Argo CD's format for the expected health of each
 * fixture: {@code tests: [{inputPath, healthStatus: {status, message}}]}.
 */
record HealthTestCase(String kind, Path input, ArgoHealth expected) {

    /** Every test of every kind's {@code health_test.yaml}. */
    static List<HealthTestCase> all() {
        List<HealthTestCase> cases = new ArrayList<>();
        for (String kind : GitopsFiles.KINDS) {
            cases.addAll(of(kind));
        }
        return cases;
    }

    static List<HealthTestCase> of(String kind) {
        Path folder = GitopsFiles.customization(kind);
        JsonNode tests = GitopsFiles.readYaml(folder.resolve("health_test.yaml")).path("tests");
        List<HealthTestCase> cases = new ArrayList<>();
        for (JsonNode test : tests) {
            JsonNode health = test.path("healthStatus");
            cases.add(
                    new HealthTestCase(
                            kind,
                            folder.resolve(test.path("inputPath").asText()),
                            new ArgoHealth(
                                    health.path("status").asText(),
                                    health.path("message").asText(""))));
        }
        return cases;
    }

    JsonNode object() {
        return GitopsFiles.readYaml(input);
    }

    @Override
    public String toString() {
        return kind + "/" + input.getFileName();
    }
}
