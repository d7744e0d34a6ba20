package io.tributary.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ordinal, node id and DNS name from the pod name. */
class PodIdentityTest {
    @Test
    void nodeIdIsTheBasePlusTheOrdinal() {
        PodIdentity identity =
                PodIdentity.of(
                        "my-cluster-brokers-2",
                        "kafka",
                        "my-cluster-brokers",
                        "cluster.local",
                        100);

        assertThat(identity.ordinal()).isEqualTo(2);
        assertThat(identity.nodeId()).isEqualTo(102);
    }

    @Test
    void fqdnIsTheHeadlessServiceName() {
        PodIdentity identity =
                PodIdentity.of(
                        "my-cluster-brokers-12", "kafka", "my-cluster-brokers", "example.org", 0);

        assertThat(identity.fqdn())
                .isEqualTo("my-cluster-brokers-12.my-cluster-brokers.kafka.svc.example.org");
    }

    @Test
    void placeholdersHoldTheComputedValues() {
        PodIdentity identity = new PodIdentity(1, 11, "p-1.h.ns.svc.cluster.local");

        assertThat(identity.placeholders(Optional.of("zone-b")))
                .containsExactly(
                        java.util.Map.entry("TRIBUTARY_NODE_ID", "11"),
                        java.util.Map.entry("TRIBUTARY_POD_FQDN", "p-1.h.ns.svc.cluster.local"),
                        java.util.Map.entry("TRIBUTARY_RACK", "zone-b"));
        assertThat(identity.placeholders(Optional.empty())).doesNotContainKey("TRIBUTARY_RACK");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "brokers",
                "brokers-",
                "-3",
                "brokers-x",
                "brokers-1a",
                "brokers-9999999999"
            })
    void rejectsAPodNameWithoutAnOrdinal(String podName) {
        assertThatThrownBy(() -> PodIdentity.of(podName, "ns", "h", "cluster.local", 0))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("POD_NAME '" + podName + "'")
                .hasMessageContaining("-<ordinal>");
    }

    @Test
    void rejectsANodeIdThatOverflows() {
        assertThatThrownBy(
                        () -> PodIdentity.of("b-5", "ns", "h", "cluster.local", Integer.MAX_VALUE))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("overflows");
    }
}
