package io.tributary.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Tributary Helm chart, linted and rendered in-process by Helm itself (helm-java bundles Helm's
 * native library; nothing is downloaded and no cluster is needed).
 */
public final class HelmChart {
    /**
     * The release name renders use: objects are named {@code tributary-operator...} (the release
     * name holds the chart name, which is then not repeated).
     */
    public static final String RELEASE = "tributary-operator";

    /** The namespace renders install into. */
    public static final String NAMESPACE = "tributary-system";

    /** The Kubernetes version renders assume (Helm's own default predates the chart's minimum). */
    public static final String KUBE_VERSION = "1.31.0";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path directory;

    private HelmChart(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public static HelmChart at(Path directory) {
        return new HelmChart(directory);
    }

    /** The chart of the repository that {@code -Dtributary.root} names (default: {@code ..}). */
    public static HelmChart inRepository() {
        return at(Path.of(System.getProperty("tributary.root", "..")).resolve("helm-chart"));
    }

    public Path directory() {
        return directory;
    }

    /** {@code helm lint --strict}: the messages, and whether it failed. */
    public LintResult lintStrict() {
        return new Helm(directory).lint().strict().call();
    }

    /** {@code helm template} with the values; Helm's error (a schema violation, a fail) as is. */
    public String template(Map<String, ?> values) {
        Path file = null;
        try {
            file = Files.createTempFile("tributary-values", ".yaml");
            YAML.writeValue(file.toFile(), values);
            TemplateCommand command =
                    new Helm(directory)
                            .template()
                            .withName(RELEASE)
                            .withNamespace(NAMESPACE)
                            .withKubeVersion(KUBE_VERSION)
                            .withValuesFile(file);
            return command.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The objects {@code helm template} renders with the values. */
    public RenderedChart render(Map<String, ?> values) {
        return RenderedChart.parse(template(values));
    }

    /** The objects rendered with the chart's default values. */
    public RenderedChart renderDefaults() {
        return render(Map.of());
    }

    /** The chart's own files, for tests: {@code crds/*.yaml}. */
    public List<Path> crdFiles() {
        try (var files = Files.list(directory.resolve("crds"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
