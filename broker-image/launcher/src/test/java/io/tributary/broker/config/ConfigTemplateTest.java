package io.tributary.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholder resolution order and the unresolved-placeholder error. */
class ConfigTemplateTest {
    @Test
    void replacesPlaceholdersFromComputedValuesThenTheEnvironment() {
        String rendered =
                ConfigTemplate.render(
                        "node.id=${TRIBUTARY_NODE_ID}\nlisteners=PLAIN://${POD_IP}:9092\n",
                        Map.of("TRIBUTARY_NODE_ID", "3"),
                        Map.of("POD_IP", "127.0.0.3"));

        assertThat(rendered).isEqualTo("node.id=3\nlisteners=PLAIN://127.0.0.3:9092\n");
    }

    @Test
    void computedValuesWinOverTheEnvironment() {
        String rendered =
                ConfigTemplate.render(
                        "node.id=${TRIBUTARY_NODE_ID}",
                        Map.of("TRIBUTARY_NODE_ID", "3"),
                        Map.of("TRIBUTARY_NODE_ID", "99"));

        assertThat(rendered).isEqualTo("node.id=3");
    }

    @Test
    void replacesEveryOccurrenceAndKeepsSpecialCharactersOfValues() {
        String rendered =
                ConfigTemplate.render(
                        "a=${X}/${X}\nb=${Y}", Map.of(), Map.of("X", "/data", "Y", "p$1\\q"));

        assertThat(rendered).isEqualTo("a=/data//data\nb=p$1\\q");
    }

    @Test
    void leavesKafkaConfigProviderReferencesAlone() {
        String template = "password=${file:/etc/secret.properties:password}\nx=$HOME\ny=${}";

        assertThat(ConfigTemplate.render(template, Map.of(), Map.of())).isEqualTo(template);
    }

    @Test
    void namesEveryUnresolvedPlaceholder() {
        assertThatThrownBy(
                        () ->
                                ConfigTemplate.render(
                                        "a=${POD_IP}\nb=${TRIBUTARY_RACK}\nc=${POD_IP}",
                                        Map.of(),
                                        Map.of()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("${POD_IP}, ${TRIBUTARY_RACK}")
                .hasMessageNotContaining("${POD_IP}, ${TRIBUTARY_RACK}, ${POD_IP}");
    }
}
