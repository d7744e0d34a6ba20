package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The repository's CRDs and examples, read as JSON trees for the admission tests. */
final class RepositoryFiles {
    static final YAMLMapper YAML = new YAMLMapper();

    private RepositoryFiles() {}

    static Path root() {
        return Path.of(System.getProperty("tributary.root", ".."));
    }

    /** The CRDs in {@code crds/}, by kind. */
    static Map<String, JsonNode> crdsByKind() {
        Map<String, JsonNode> crds = new TreeMap<>();
        for (Path file : yamlFiles(root().resolve("crds"))) {
            for (ObjectNode crd : documents(file)) {
                crds.put(crd.path("spec").path("names").path("kind").asText(), crd);
            }
        }
        return crds;
    }

    static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file (separated by {@code ---}), skipping empty ones. */
    static List<ObjectNode> documents(Path file) {
        try {
            return documents(Files.readString(file.isAbsolute() ? file : root().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single YAML value: an object, a list or a scalar. */
    static JsonNode documentsOrScalar(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
