package io.tributary.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The committed CRDs in {@code crds/} are exactly what the build generates from the model. */
class CrdDriftTest {
    @ParameterizedTest
    @FieldSource("io.tributary.api.crd.CrdFinisher#KINDS")
    void committedCrdMatchesTheModel(Class<?> kind) throws IOException {
        Path built = GeneratedCrds.built(kind);
        Path committed = GeneratedCrds.committed(kind);
        assertThat(built).as("the build should have generated %s", built).exists();
        assertThat(committed)
                .as(
                        "%s is missing; generate it with ./mvnw -pl api process-test-classes"
                                + " -Dcrds.update",
                        committed)
                .exists();
        List<String> expected = Files.readAllLines(built);
        List<String> actual = Files.readAllLines(committed);
        int line = firstDifference(expected, actual);
        assertThat(line)
                .as(
                        "%s differs from the CRD generated from the model, first at line %d"
                            + " (generated: %s, committed: %s); regenerate it with ./mvnw -pl api"
                            + " process-test-classes -Dcrds.update and commit it",
                        committed, line + 1, lineOrEnd(expected, line), lineOrEnd(actual, line))
                .isEqualTo(-1);
    }

    private static int firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (!lineOrEnd(expected, i).equals(lineOrEnd(actual, i))) {
                return i;
            }
        }
        return -1;
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index >= 0 && index < lines.size()
                ? "'" + lines.get(index).strip() + "'"
                : "<end of file>";
    }
}
