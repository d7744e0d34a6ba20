package io.tributary.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the health checks and their fixtures live in the {@code gitops/} folder, and reading them.
 */
final class GitopsFiles {
    static final String GROUP = "kafka.tributary.io";
    static final String API_VERSION = GROUP + "/v1alpha1";
    static final List<String> KINDS = List.of("KafkaCluster", "KafkaTopic", "KafkaUser");

    private static final YAMLMapper YAML = new YAMLMapper();

    private GitopsFiles() {}

    static Path root() {
        return Path.of(System.getProperty("gitops.dir", "."));
    }

    /** Argo CD's {@code resource_customizations/<group>/<Kind>} folder of a kind. */
    static Path customization(String kind) {
        return root().resolve("argocd/resource_customizations").resolve(GROUP).resolve(kind);
    }

    static Path healthScript(String kind) {
        return customization(kind).resolve("health.lua");
    }

    static Path argoCdConfigMap() {
        return root().resolve("argocd/argocd-cm-patch.yaml");
    }

    static Path fluxKustomization() {
        return root().resolve("flux/health-check-exprs.yaml");
    }

    /** The fixtures in a kind's {@code testdata/} folder, sorted. */
    static List<Path> fixtures(String kind) {
        try (Stream<Path> files = Files.list(customization(kind).resolve("testdata"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
