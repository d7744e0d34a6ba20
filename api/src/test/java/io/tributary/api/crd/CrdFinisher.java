package io.tributary.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Build step after fabric8's CRD generator: puts the printer columns in the order the model
 * declares them (the generator sorts them by JSON path, so Age would come first) and writes one
 * file per kind, named after the CRD, with a header saying where it comes from.
 *
 * <p>Run by the api module's build at {@code process-test-classes}; with {@code --update} it also
 * writes the repository's {@code crds/} folder.
 */
public final class CrdFinisher {
    static final List<Class<?>> KINDS =
            List.of(KafkaCluster.class, KafkaTopic.class, KafkaUser.class);

    static final String HEADER =
            "# Generated from the model in api/src/main/java by the build; do not edit.\n"
                    + "# Regenerate with: ./mvnw -pl api process-test-classes -Dcrds.update\n";

    private static final YAMLMapper YAML =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                                    .build())
                    .build();

    private CrdFinisher() {}

    /** Arguments: the generator's output folder, the finished folder, and optionally a copy. */
    public static void main(String[] args) throws IOException {
        Path generated = Path.of(args[0]);
        List<Path> targets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] != null && !args[i].isBlank()) {
                targets.add(Path.of(args[i]));
            }
        }
        for (Class<?> kind : KINDS) {
            String crdName = crdName(kind);
            Path source = generated.resolve(crdName + "-v1.yml");
            String finished = finish(Files.readString(source), kind);
            for (Path target : targets) {
                Files.createDirectories(target);
                Files.writeString(target.resolve(fileName(kind)), finished);
            }
        }
    }

    /** The CRD's name: {@code <plural>.<group>}. */
    static String crdName(Class<?> kind) {
        return io.fabric8.kubernetes.api.model.HasMetadata.getFullResourceName(kind);
    }

    /** The file a kind's CRD is kept in, under {@code crds/}. */
    public static String fileName(Class<?> kind) {
        return crdName(kind) + ".yaml";
    }

    static String finish(String generatedYaml, Class<?> kind) throws IOException {
        ObjectNode crd = (ObjectNode) YAML.readTree(generatedYaml);
        List<String> declared =
                Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name)
                        .toList();
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode columns = version.path("additionalPrinterColumns");
            if (columns instanceof ArrayNode array) {
                List<JsonNode> sorted = new ArrayList<>();
                array.forEach(sorted::add);
                sorted.sort(
                        Comparator.comparingInt(c -> declared.indexOf(c.path("name").asText())));
                array.removeAll();
                sorted.forEach(array::add);
            }
        }
        return HEADER + YAML.writeValueAsString(YAML.convertValue(crd, Map.class));
    }
}
