package io.tributary.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the CRDs: the build's finished output and the committed {@code crds/}. */
final class GeneratedCrds {
    private static final YAMLMapper YAML = new YAMLMapper();

    private GeneratedCrds() {}

    static Path built(Class<?> kind) {
        return Path.of("target", "crds", CrdFinisher.fileName(kind));
    }

    static Path committed(Class<?> kind) {
        return Path.of(
                System.getProperty("tributary.root", ".."), "crds", CrdFinisher.fileName(kind));
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
