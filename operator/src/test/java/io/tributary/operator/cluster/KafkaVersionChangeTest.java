package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.KafkaVersion;
import io.tributary.operator.status.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaVersionChangeTest {

    @Test
    void anUpgradeIsAllowedAndTargetsTheNewVersionsMetadataVersion() {
        KafkaClusterSpec spec = spec(KafkaVersion.V4_4_0, null);

        assertThat(KafkaVersionChange.refusals(spec, status("4.3-IV0"))).isEmpty();
        assertThat(KafkaVersionChange.targetMetadataVersion(spec)).isEqualTo("4.4-IV2");
    }

    @Test
    void aNewClusterHasNothingFinalisedToCompareWith() {
        assertThat(KafkaVersionChange.refusals(spec(KafkaVersion.V4_3_1, null), null)).isEmpty();
        assertThat(KafkaVersionChange.refusals(spec(KafkaVersion.V4_3_1, null), status(null)))
                .isEmpty();
    }

    @Test
    void aDowngradeBeforeFinalisingIsAllowed() {
        assertThat(KafkaVersionChange.refusals(spec(KafkaVersion.V4_3_1, null), status("4.3-IV0")))
                .isEmpty();
    }

    @Test
    void aDowngradeBelowTheFinalisedMetadataVersionIsRefused() {
        List<Problem> refusals =
                KafkaVersionChange.refusals(spec(KafkaVersion.V4_3_1, null), status("4.4-IV2"));

        assertThat(refusals)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.reason()).isEqualTo("KafkaDowngradeBelowMetadataVersion");
                            assertThat(p.message())
                                    .startsWith("spec.kafkaVersion:")
                                    .contains("4.4-IV2", "4.3.1");
                        });
    }

    @Test
    void aMetadataVersionTheKafkaVersionDoesNotSupportIsRefused() {
        assertThat(KafkaVersionChange.refusals(spec(KafkaVersion.V4_3_1, "4.4-IV0"), null))
                .extracting(Problem::reason)
                .containsExactly("MetadataVersionNotSupported");
    }

    @Test
    void aMetadataVersionBelowTheFinalisedOneIsRefused() {
        assertThat(
                        KafkaVersionChange.refusals(
                                spec(KafkaVersion.V4_4_0, "4.3-IV0"), status("4.4-IV0")))
                .extracting(Problem::reason)
                .containsExactly("MetadataVersionDowngrade");
    }

    @Test
    void anUnknownMetadataVersionIsRefused() {
        assertThat(KafkaVersionChange.refusals(spec(KafkaVersion.V4_4_0, "4.9-IV9"), null))
                .extracting(Problem::reason)
                .containsExactly("UnknownMetadataVersion");
    }

    @Test
    void anExplicitMetadataVersionIsTheTarget() {
        assertThat(KafkaVersionChange.targetMetadataVersion(spec(KafkaVersion.V4_4_0, "4.4-IV0")))
                .isEqualTo("4.4-IV0");
    }

    private static KafkaClusterSpec spec(KafkaVersion version, String metadataVersion) {
        KafkaClusterSpec spec = new KafkaClusterSpec();
        spec.setKafkaVersion(version);
        spec.setMetadataVersion(metadataVersion);
        return spec;
    }

    private static KafkaClusterStatus status(String metadataVersion) {
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setMetadataVersion(metadataVersion);
        return status;
    }
}
