package io.tributary.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code examples/} is admitted by the generated CRDs (strict field validation, no
 * warnings) and reads into the Java model.
 */
class ExamplesTest {
    private static final Map<String, JsonNode> CRDS = RepositoryFiles.crdsByKind();
    private static final Map<String, Class<?>> MODEL =
            Map.of(
                    "KafkaCluster", KafkaCluster.class,
                    "KafkaTopic", KafkaTopic.class,
                    "KafkaUser", KafkaUser.class);
    private static final ObjectMapper STRICT_JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<Path> examples() {
        return RepositoryFiles.yamlFiles(RepositoryFiles.root().resolve("examples"));
    }

    @Test
    void theExamplesTheIssueAsksForExist() {
        assertThat(examples())
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "kafka-cluster.yaml",
                        "kafka-cluster-production.yaml",
                        "kafka-topic.yaml",
                        "kafka-topic-compacted.yaml",
                        "kafka-user-scram.yaml",
                        "kafka-cluster-secure.yaml",
                        "kafka-user-orders-producer.yaml",
                        "kafka-user-tls.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isAdmittedByItsCrdAndReadsIntoTheModel(Path example) throws Exception {
        List<ObjectNode> documents = RepositoryFiles.documents(example);
        assertThat(documents).as("%s holds resources", example).isNotEmpty();
        for (ObjectNode document : documents) {
            String kind = document.path("kind").asText();
            JsonNode crd = CRDS.get(kind);
            assertThat(crd).as("%s: a CRD for kind %s", example, kind).isNotNull();
            var admitted =
                    new CrdSchemaAdmission().admit(crd, document, null, FieldValidation.STRICT);
            assertThat(admitted.warnings()).isEmpty();
            assertThatCode(() -> STRICT_JSON.treeToValue(admitted.object(), MODEL.get(kind)))
                    .as("%s reads into %s", example, MODEL.get(kind).getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}
