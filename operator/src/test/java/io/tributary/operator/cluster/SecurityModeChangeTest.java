package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.status.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A running cluster keeps its own listeners' security: plaintext or mutual TLS. */
class SecurityModeChangeTest {
    private final KafkaClusterSpec plain = spec("kafka-cluster.yaml");
    private final KafkaClusterSpec secure = spec("kafka-cluster-secure.yaml");

    @Test
    void aNewClusterMayBeEither() {
        assertThat(SecurityModeChange.refusals(plain, List.of())).isEmpty();
        assertThat(SecurityModeChange.refusals(secure, List.of())).isEmpty();
    }

    @Test
    void aRunningClusterKeepsItsMode() {
        assertThat(SecurityModeChange.refusals(plain, List.of(sts(false)))).isEmpty();
        assertThat(SecurityModeChange.refusals(secure, List.of(sts(true)))).isEmpty();
    }

    @Test
    void securingARunningPlainClusterIsRefused() {
        List<Problem> refusals = SecurityModeChange.refusals(secure, List.of(sts(false)));
        assertThat(refusals)
                .extracting(Problem::reason)
                .containsExactly("SecurityModeChangeNotSupported");
        assertThat(refusals.get(0).message())
                .startsWith("spec.listeners and spec.authorization")
                .contains("from plaintext to mutual TLS");
    }

    @Test
    void unsecuringARunningSecuredClusterIsRefused() {
        List<Problem> refusals = SecurityModeChange.refusals(plain, List.of(sts(true)));
        assertThat(refusals)
                .extracting(Problem::reason)
                .containsExactly("SecurityModeChangeNotSupported");
        assertThat(refusals.get(0).message()).contains("from mutual TLS to plaintext");
    }

    private static KafkaClusterSpec spec(String example) {
        java.nio.file.Path path =
                java.nio.file.Path.of(
                        System.getProperty("tributary.root", ".."), "examples", example);
        try {
            return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                            java.nio.file.Files.readString(path),
                            io.tributary.api.v1alpha1.cluster.KafkaCluster.class)
                    .getSpec();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static StatefulSet sts(boolean secured) {
        return new StatefulSetBuilder()
                .withNewSpec()
                .withNewTemplate()
                .withNewMetadata()
                .withAnnotations(
                        secured
                                ? Map.of(NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION, "abc")
                                : Map.of(NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION, "def"))
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build();
    }
}
