package io.tributary.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture is a real resource of its folder's kind: it reads into the resource model with no
 * unknown field, carries the metadata the API server always sets, and has a status the operator
 * writes (but for a few defensive cases).
 */
class FixturesTest {
    private static final Map<String, Class<?>> MODEL =
            Map.of(
                    "KafkaCluster", KafkaCluster.class,
                    "KafkaTopic", KafkaTopic.class,
                    "KafkaUser", KafkaUser.class);
    // Statuses the operator never writes, kept to show that the checks do not call them Healthy.
    private static final Set<String> DEFENSIVE =
            Set.of(
                    "progressing_readyNotConverged.yaml",
                    "progressing_readyForOlderGeneration.yaml");
    private static final ObjectMapper STRICT_JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<HealthTestCase> cases() {
        return HealthTestCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAResourceOfItsKind(HealthTestCase test) {
        JsonNode object = test.object();

        assertThat(object.path("apiVersion").asText()).isEqualTo(GitopsFiles.API_VERSION);
        assertThat(object.path("kind").asText()).isEqualTo(test.kind());
        assertThat(object.path("metadata").path("name").asText()).isNotEmpty();
        assertThat(object.path("metadata").path("namespace").asText()).isNotEmpty();
        assertThat(object.path("metadata").path("generation").isIntegralNumber())
                .as("metadata.generation")
                .isTrue();
        assertThat(object.has("spec")).as("spec").isTrue();
        assertThatCode(() -> STRICT_JSON.treeToValue(object, MODEL.get(test.kind())))
                .as("%s reads into %s", test, MODEL.get(test.kind()).getSimpleName())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyConditionNamesTheGenerationItDescribes(HealthTestCase test) {
        for (JsonNode condition : test.object().path("status").path("conditions")) {
            assertThat(condition.path("observedGeneration").isIntegralNumber())
                    .as("%s: condition %s has an observedGeneration", test, condition.path("type"))
                    .isTrue();
            assertThat(condition.path("lastTransitionTime").asText())
                    .as("%s: condition %s has a lastTransitionTime", test, condition.path("type"))
                    .isNotEmpty();
        }
    }

    /**
     * The operator writes {@code Ready}, {@code Reconciling} and {@code Stalled} for the generation
     * it acts on and sets {@code status.observedGeneration} to that generation in the same write.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statusObservedGenerationIsTheGenerationTheConditionsSpeakFor(HealthTestCase test) {
        JsonNode status = test.object().path("status");
        if (status.isMissingNode() || DEFENSIVE.contains(test.input().getFileName().toString())) {
            return;
        }
        for (String type : List.of("Ready", "Reconciling", "Stalled")) {
            JsonNode condition = condition(status, type);
            assertThat(condition).as("%s: condition %s", test, type).isNotNull();
            assertThat(condition.path("observedGeneration").asLong())
                    .as("%s: condition %s speaks for status.observedGeneration", test, type)
                    .isEqualTo(status.path("observedGeneration").asLong(-1));
        }
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return null;
    }
}
