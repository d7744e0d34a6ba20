package io.tributary.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(Files.readString(committed))
                .as(
                        "%s differs from the CRD generated from the model; regenerate it with"
                            + " ./mvnw -pl api process-test-classes -Dcrds.update and commit it",
                        committed)
                .isEqualTo(Files.readString(built));
    }
}
