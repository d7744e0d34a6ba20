package io.tributary.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.LuaError;

/**
 * Each kind's {@code health.lua} gives, for every fixture its {@code health_test.yaml} lists, the
 * status and message listed there, as Argo CD's own {@code TestLuaHealthScript} checks them.
 */
class ArgoHealthChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<HealthTestCase> cases() {
        return HealthTestCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExpectedHealth(HealthTestCase test) {
        String script = GitopsFiles.read(GitopsFiles.healthScript(test.kind()));

        assertThat(ArgoLuaVm.health(script, test.object())).isEqualTo(test.expected());
    }

    @Test
    void everyFixtureIsInItsHealthTest() {
        for (String kind : GitopsFiles.KINDS) {
            List<Path> listed =
                    HealthTestCase.of(kind).stream().map(HealthTestCase::input).toList();
            assertThat(listed).as("%s/health_test.yaml", kind).doesNotHaveDuplicates();
            assertThat(listed)
                    .as("%s/health_test.yaml lists every file of testdata/", kind)
                    .containsExactlyInAnyOrderElementsOf(GitopsFiles.fixtures(kind));
        }
    }

    @Test
    void everyKindHasTheCasesTheContractNames() {
        List<String> common =
                List.of(
                        "progressing_noStatus.yaml",
                        "progressing_firstReconcile.yaml",
                        "healthy.yaml",
                        "progressing_newGeneration.yaml",
                        "progressing_readyForOlderGeneration.yaml",
                        "progressing_readyNotConverged.yaml",
                        "degraded.yaml",
                        "progressing_stalledForOlderGeneration.yaml");
        for (String kind : GitopsFiles.KINDS) {
            assertThat(GitopsFiles.fixtures(kind))
                    .extracting(p -> p.getFileName().toString())
                    .as(kind)
                    .containsAll(common);
        }
        assertThat(GitopsFiles.fixtures("KafkaCluster"))
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "suspended.yaml",
                        "suspended_newerGeneration.yaml",
                        "progressing_podsNotReady.yaml",
                        "degraded_firstGeneration.yaml");
    }

    @Test
    void theThreeKindsShareOneScript() {
        String cluster = GitopsFiles.read(GitopsFiles.healthScript("KafkaCluster"));
        for (String kind : GitopsFiles.KINDS) {
            assertThat(GitopsFiles.read(GitopsFiles.healthScript(kind)))
                    .as("%s/health.lua is the same as KafkaCluster/health.lua", kind)
                    .isEqualTo(cluster);
        }
    }

    @Test
    void everyHealthInTheTestsIsOneArgoCdKnows() {
        assertThat(cases())
                .extracting(c -> c.expected().status())
                .allSatisfy(s -> assertThat(ArgoLuaVm.HEALTH_STATUSES).contains(s));
    }

    @Test
    void theScriptsRunWithoutTheLibrariesArgoCdLeavesClosed() throws Exception {
        JsonNode object = JSON.readTree("{}");

        for (String library : List.of("string", "math", "os", "io")) {
            assertThat(ArgoLuaVm.run("return type(" + library + ")", object).tojstring())
                    .as(library)
                    .isEqualTo("nil");
        }
        for (String library : List.of("table", "package")) {
            assertThat(ArgoLuaVm.run("return type(" + library + ")", object).tojstring())
                    .as(library)
                    .isEqualTo("table");
        }
        assertThatThrownBy(() -> ArgoLuaVm.run("return string.upper(\"x\")", object))
                .isInstanceOf(LuaError.class);
    }

    @Test
    void anUnknownStatusIsReportedAsArgoCdDoes() throws Exception {
        JsonNode object = JSON.readTree("{}");

        assertThat(ArgoLuaVm.health("return {status = \"Fine\"}", object))
                .isEqualTo(ArgoLuaVm.INVALID);
        assertThat(ArgoLuaVm.health("return {status = \"Healthy\"}", object))
                .isEqualTo(new ArgoHealth("Healthy", ""));
    }

    @Test
    void numbersAndListsReadAsArgoCdPassesThem() throws Exception {
        JsonNode object =
                JSON.readTree(
                        "{\"metadata\": {\"generation\": 7, \"finalizers\": [\"a\", \"b\"]},"
                                + " \"status\": {\"observedGeneration\": 7}}");
        String script =
                "return {status = \"Healthy\", message = obj.metadata.finalizers[2] .. \" \" .."
                    + " #obj.metadata.finalizers .. \" \" .. tostring(obj.metadata.generation) .."
                    + " \" \" .. tostring(obj.status.observedGeneration =="
                    + " obj.metadata.generation)}";

        // gopher-lua, Argo CD's interpreter, prints whole numbers without a decimal point too.
        assertThat(ArgoLuaVm.health(script, object))
                .isEqualTo(new ArgoHealth("Healthy", "b 2 7 true"));
    }
}
