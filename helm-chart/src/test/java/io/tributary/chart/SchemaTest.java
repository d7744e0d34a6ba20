package io.tributary.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wrong value fails the render (as it fails {@code helm install}) with a message naming it:
 * values.schema.json for types, ranges and names; the templates for rules across values.
 */
class SchemaTest {
    static final HelmChart CHART = HelmChart.inRepository();

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Map.of("logging", Map.of("level", "LOUD")), "/logging/level"),
                Arguments.of(Map.of("logging", Map.of("json", "yes")), "/logging/json"),
                Arguments.of(Map.of("replicas", -1), "/replicas"),
                Arguments.of(Map.of("replicas", "two"), "/replicas"),
                Arguments.of(Map.of("watchNamespaces", List.of("Team_A")), "/watchNamespaces/0"),
                Arguments.of(Map.of("watchNamespaces", "kafka"), "/watchNamespaces"),
                Arguments.of(Map.of("watchNamespaces", List.of("a", "a")), "/watchNamespaces"),
                Arguments.of(
                        Map.of("reconcile", Map.of("resyncIntervalSeconds", 0)),
                        "/reconcile/resyncIntervalSeconds"),
                Arguments.of(
                        Map.of("reconcile", Map.of("kafkaTimeoutSeconds", "10s")),
                        "/reconcile/kafkaTimeoutSeconds"),
                Arguments.of(
                        Map.of("image", Map.of("repository", "x", "pullPolicy", "Sometimes")),
                        "/image/pullPolicy"),
                Arguments.of(
                        Map.of(
                                "image",
                                Map.of("repository", "ghcr.io/a/b:1.0", "pullPolicy", "Always")),
                        "/image/repository"),
                Arguments.of(Map.of("httpPort", 80), "/httpPort"),
                Arguments.of(Map.of("clusterDomain", "Cluster.Local"), "/clusterDomain"),
                Arguments.of(
                        Map.of("leaderElection", Map.of("leaseName", "My Lease")),
                        "/leaderElection/leaseName"),
                Arguments.of(
                        Map.of("resources", Map.of("limits", Map.of("memory", "lots"))),
                        "/resources/limits/memory"),
                Arguments.of(
                        Map.of("metrics", Map.of("serviceMonitor", Map.of("interval", "often"))),
                        "/metrics/serviceMonitor/interval"),
                Arguments.of(Map.of("extraArgs", List.of("-v")), "/extraArgs/0"),
                Arguments.of(Map.of("watchNamespace", List.of("kafka")), "watchNamespace"),
                Arguments.of(Map.of("logging", Map.of("format", "json")), "format"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidValues")
    void theSchemaRejectsAWrongValueNamingIt(Map<String, ?> values, String named) {
        assertThatThrownBy(() -> CHART.template(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("tributary-operator:")
                .hasMessageContaining(named);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("inconsistentValues")
    void theTemplatesRejectValuesThatDoNotGoTogether(Map<String, ?> values, String message) {
        assertThatThrownBy(() -> CHART.template(values)).hasMessageContaining(message);
    }

    static Stream<Arguments> inconsistentValues() {
        return Stream.of(
                Arguments.of(
                        Map.of("replicas", 2, "leaderElection", Map.of("enabled", false)),
                        "replicas above 1 need leaderElection.enabled=true"),
                Arguments.of(
                        Map.of(
                                "metrics",
                                Map.of(
                                        "service", Map.of("enabled", false),
                                        "serviceMonitor", Map.of("enabled", true))),
                        "metrics.serviceMonitor.enabled needs metrics.service.enabled"));
    }
}
