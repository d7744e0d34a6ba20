package io.tributary.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict}, the chart's version, and its CRDs against the repository's. */
class ChartLintTest {
    final HelmChart chart = HelmChart.inRepository();

    @Test
    void lintStrictPasses() {
        LintResult result = chart.lintStrict();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
                .as("no warning or error")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void versionAndAppVersionFollowTheProjectVersion() throws Exception {
        String project = System.getProperty("tributary.version");
        List<String> lines = Files.readAllLines(chart.directory().resolve("Chart.yaml"));

        assertThat(lines)
                .as("Chart.yaml's version and appVersion must be %s, the Maven version", project)
                .contains("version: " + project, "appVersion: \"" + project + "\"");
    }

    @Test
    void theChartsCrdsAreExactlyTheRepositorysCrds() throws Exception {
        Path repository = chart.directory().getParent().resolve("crds");
        List<String> names =
                chart.crdFiles().stream().map(p -> p.getFileName().toString()).toList();
        List<String> expected;
        try (var files = Files.list(repository)) {
            expected =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml"))
                            .sorted()
                            .toList();
        }

        assertThat(names).as("helm-chart/crds/ holds the files of crds/").isEqualTo(expected);
        for (String name : names) {
            assertThat(Files.readString(chart.directory().resolve("crds").resolve(name)))
                    .as(
                            "helm-chart/crds/%s differs from crds/%s; copy it with ./mvnw -pl"
                                    + " api,helm-chart -am process-test-classes -Dcrds.update and"
                                    + " commit it",
                            name, name)
                    .isEqualTo(Files.readString(repository.resolve(name)));
        }
    }

    @Test
    void rendersWithoutTheCrdsOfCrdsFolder() {
        assertThat(chart.renderDefaults().ofKind("CustomResourceDefinition"))
                .as("crds/ is installed by helm install itself, not rendered")
                .isEmpty();
        assertThat(
                        chart.render(Map.of("crds", Map.of("templated", true)))
                                .ofKind("CustomResourceDefinition"))
                .hasSize(3);
    }
}
