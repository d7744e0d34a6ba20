package io.tributary.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.gitops.FluxStatusEvaluator.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flux health-check expressions in {@code flux/health-check-exprs.yaml}, run as Flux runs them
 * on the Argo CD checks' fixtures, agree with the Argo CD checks: Healthy is current, Degraded is
 * failed, anything else is in progress, except where Flux itself decides before the expressions run
 * (see {@link #asFluxSeesIt}).
 */
class FluxHealthCheckExprsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<HealthTestCase> cases() {
        return HealthTestCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheArgoCdCheck(HealthTestCase test) {
        JsonNode object = test.object();

        FluxStatusEvaluator.Result result =
                FluxStatusEvaluator.evaluate(FluxHealthCheck.forKind(test.kind()), object);

        assertThat(result.status())
                .as("%s (Argo CD: %s)", test, test.expected().status())
                .isEqualTo(asFluxSeesIt(test.expected(), object));
        if (result.status() == Status.UNKNOWN) {
            assertThat(result.error()).contains("status");
        }
    }

    /**
     * The Argo CD health of a fixture, as Flux can report it. Flux has no Suspended: a paused
     * cluster still running the generation it was given is current, otherwise in progress. And a
     * resource with no status yet cannot be read by the expressions (unknown; Flux keeps waiting,
     * as for in progress). Flux's own check, before any expression runs, that {@code
     * status.observedGeneration} is {@code metadata.generation} changes nothing here: the operator
     * sets it to every generation it acts on, so an older one means a generation not looked at yet,
     * which Argo CD calls Progressing too, and a refused generation is Degraded and failed at once.
     */
    static Status asFluxSeesIt(ArgoHealth argo, JsonNode object) {
        if (!object.has("status")) {
            return Status.UNKNOWN;
        }
        return switch (argo.status()) {
            case "Healthy" -> Status.CURRENT;
            case "Degraded" -> Status.FAILED;
            case "Progressing" -> Status.IN_PROGRESS;
            case "Suspended" -> runsItsGeneration(object) ? Status.CURRENT : Status.IN_PROGRESS;
            default -> throw new IllegalArgumentException("no Flux status for " + argo);
        };
    }

    private static long generation(JsonNode object) {
        return object.path("metadata").path("generation").asLong();
    }

    private static boolean runsItsGeneration(JsonNode object) {
        long generation = generation(object);
        boolean ready = false;
        for (JsonNode condition : object.path("status").path("conditions")) {
            ready |=
                    condition.path("type").asText().equals("Ready")
                            && condition.path("status").asText().equals("True")
                            && condition.path("observedGeneration").asLong() == generation;
        }
        return ready && object.path("status").path("observedGeneration").asLong() == generation;
    }

    @Test
    void aRefusedChangeAfterAConvergedGenerationFailsAtOnce() {
        for (String kind : List.of("KafkaCluster", "KafkaTopic")) {
            JsonNode refused = fixture(kind, "degraded.yaml");
            assertThat(generation(refused)).as("%s: not the first generation", kind).isEqualTo(3);
            assertThat(refused.path("status").path("observedGeneration").asLong())
                    .as("%s: the operator acted on generation 3", kind)
                    .isEqualTo(3);

            assertThat(evaluate(FluxHealthCheck.forKind(kind), refused))
                    .as("%s/degraded.yaml, generation 3 refused after 2 converged", kind)
                    .isEqualTo(Status.FAILED);
        }
    }

    @Test
    void aChangeAppliedToAPausedClusterWaitsForTheResume() {
        JsonNode paused = fixture("KafkaCluster", "suspended_newerGeneration.yaml");

        assertThat(evaluate(FluxHealthCheck.forKind("KafkaCluster"), paused))
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void theKustomizationWaitsForEveryKind() {
        JsonNode kustomization = GitopsFiles.readYaml(GitopsFiles.fluxKustomization());

        assertThat(kustomization.path("apiVersion").asText())
                .isEqualTo("kustomize.toolkit.fluxcd.io/v1");
        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        assertThat(kustomization.path("spec").path("wait").asBoolean()).isTrue();
        assertThat(FluxHealthCheck.fromKustomization())
                .extracting(FluxHealthCheck::kind)
                .containsExactlyElementsOf(GitopsFiles.KINDS);
        assertThat(FluxHealthCheck.fromKustomization())
                .allSatisfy(
                        c -> {
                            assertThat(c.apiVersion()).isEqualTo(GitopsFiles.API_VERSION);
                            assertThat(List.of(c.inProgress(), c.failed(), c.current()))
                                    .allSatisfy(e -> assertThat(e).isNotBlank());
                        });
    }

    @Test
    void theKindsShareTheirExpressions() {
        FluxHealthCheck cluster = FluxHealthCheck.forKind("KafkaCluster");
        for (FluxHealthCheck check : FluxHealthCheck.fromKustomization()) {
            assertThat(List.of(check.inProgress(), check.failed(), check.current()))
                    .as(check.kind())
                    .containsExactly(cluster.inProgress(), cluster.failed(), cluster.current());
        }
    }

    @Test
    void everyExpressionCompiles() {
        for (FluxHealthCheck check : FluxHealthCheck.fromKustomization()) {
            for (String expression : List.of(check.inProgress(), check.failed(), check.current())) {
                assertThatCode(() -> FluxStatusEvaluator.compile(expression))
                        .as("%s: %s", check.kind(), expression)
                        .doesNotThrowAnyException();
            }
        }
    }

    // The evaluator follows Flux's rules; these pin them down with one-line expressions.

    @Test
    void theFirstTrueExpressionDecidesInFluxsOrder() throws Exception {
        JsonNode object = JSON.readTree("{\"metadata\": {\"generation\": 1}}");

        assertThat(evaluate(new FluxHealthCheck("v1", "K", "true", "true", "true"), object))
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(evaluate(new FluxHealthCheck("v1", "K", "false", "true", "true"), object))
                .isEqualTo(Status.FAILED);
        assertThat(evaluate(new FluxHealthCheck("v1", "K", "", "", "true"), object))
                .isEqualTo(Status.CURRENT);
        assertThat(evaluate(new FluxHealthCheck("v1", "K", "false", "false", "false"), object))
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void anOlderObservedGenerationIsInProgressWhateverTheExpressionsSay() throws Exception {
        JsonNode object =
                JSON.readTree(
                        "{\"metadata\": {\"generation\": 2}, \"status\": {\"observedGeneration\":"
                                + " 1}}");

        assertThat(evaluate(new FluxHealthCheck("v1", "K", "", "true", "true"), object))
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void aMissingTopLevelFieldIsAnEvaluationError() throws Exception {
        JsonNode object = JSON.readTree("{\"metadata\": {\"generation\": 1}}");

        FluxStatusEvaluator.Result result =
                FluxStatusEvaluator.evaluate(
                        new FluxHealthCheck("v1", "K", "", "", "status.ready == true"), object);

        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.error()).contains("status");
    }

    private static JsonNode fixture(String kind, String name) {
        return GitopsFiles.readYaml(
                GitopsFiles.customization(kind).resolve("testdata").resolve(name));
    }

    private static Status evaluate(FluxHealthCheck check, JsonNode object) {
        return FluxStatusEvaluator.evaluate(check, object).status();
    }
}
