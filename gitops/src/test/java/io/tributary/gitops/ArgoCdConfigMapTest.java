package io.tributary.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code argocd/argocd-cm-patch.yaml} holds exactly the three {@code health.lua} scripts, so the
 * two ways of installing the checks never drift apart. {@code -Dargocd-cm.update} rewrites it.
 */
class ArgoCdConfigMapTest {

    private static Map<String, String> scripts() {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String kind : GitopsFiles.KINDS) {
            scripts.put(kind, GitopsFiles.read(GitopsFiles.healthScript(kind)));
        }
        return scripts;
    }

    @Test
    void isRenderedFromTheScripts() throws IOException {
        String expected = ArgoCdConfigMap.render(scripts());
        if (System.getProperty("argocd-cm.update") != null) {
            Files.writeString(GitopsFiles.argoCdConfigMap(), expected);
        }

        assertThat(GitopsFiles.read(GitopsFiles.argoCdConfigMap()))
                .as(
                        "argocd/argocd-cm-patch.yaml differs from the health.lua scripts;"
                                + " regenerate it with -Dargocd-cm.update (see the file's header)")
                .isEqualTo(expected);
    }

    @Test
    void itsEntriesReadBackAsTheScripts() {
        JsonNode configMap = GitopsFiles.readYaml(GitopsFiles.argoCdConfigMap());

        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMap.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
        List<String> keys = new ArrayList<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "resource.customizations.health.kafka.tributary.io_KafkaCluster",
                        "resource.customizations.health.kafka.tributary.io_KafkaTopic",
                        "resource.customizations.health.kafka.tributary.io_KafkaUser");
        scripts()
                .forEach(
                        (kind, script) ->
                                assertThat(
                                                configMap
                                                        .path("data")
                                                        .path(ArgoCdConfigMap.key(kind))
                                                        .asText())
                                        .as(kind)
                                        .isEqualTo(script));
    }

    @Test
    void aScriptWithBlankLinesAndIndentationSurvivesTheRendering() {
        String script =
                "local hs = {}\n\nif true then\n  hs.status = \"Healthy\"\nend\nreturn hs\n";

        String yaml = ArgoCdConfigMap.render(Map.of("KafkaUser", script));

        assertThat(yaml)
                .endsWith(
                        "  resource.customizations.health.kafka.tributary.io_KafkaUser: |\n"
                                + "    local hs = {}\n\n    if true then\n      hs.status ="
                                + " \"Healthy\"\n    end\n    return hs\n");
    }

    @Test
    void refusesAScriptWhoseEndALiteralBlockWouldChange() {
        assertThatThrownBy(() -> ArgoCdConfigMap.render(Map.of("KafkaUser", "return {}")))
                .hasMessageContaining("KafkaUser/health.lua must end with exactly one newline");
        assertThatThrownBy(() -> ArgoCdConfigMap.render(Map.of("KafkaUser", "return {}\n\n")))
                .hasMessageContaining("KafkaUser/health.lua must end with exactly one newline");
    }
}
