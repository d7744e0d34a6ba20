package io.tributary.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GitOps health checks' fixtures ({@code gitops/argocd/resource_customizations/.../testdata})
 * are resources the CRDs admit, status included, with strict field validation: the checks are
 * tested on objects the API server would really hold.
 */
class GitopsFixturesTest {
    private static final Map<String, JsonNode> CRDS = RepositoryFiles.crdsByKind();

    static List<Path> fixtures() {
        Path customizations =
                RepositoryFiles.root()
                        .resolve("gitops/argocd/resource_customizations/kafka.tributary.io");
        try (Stream<Path> files = Files.walk(customizations)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals("testdata"))
                    .filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void isAdmittedByItsCrd(Path fixture) {
        List<ObjectNode> documents = RepositoryFiles.documents(fixture);
        assertThat(documents).as("%s holds one resource", fixture).hasSize(1);
        ObjectNode object = documents.get(0);
        JsonNode crd = CRDS.get(object.path("kind").asText());
        assertThat(crd).as("%s: a CRD for its kind", fixture).isNotNull();

        assertThatCode(
                        () ->
                                assertThat(
                                                new CrdSchemaAdmission()
                                                        .admit(
                                                                crd,
                                                                object,
                                                                null,
                                                                FieldValidation.STRICT)
                                                        .warnings())
                                        .isEmpty())
                .as("%s is admitted", fixture)
                .doesNotThrowAnyException();
    }
}
