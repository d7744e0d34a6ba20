package io.tributary.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicConfigDiffTest {
    @Test
    void setsWhatIsMissingOrDifferentAndDeletesWhatIsNoLongerAsked() {
        DynamicConfigDiff diff =
                DynamicConfigDiff.between(
                        Map.of(
                                "min.insync.replicas",
                                "2",
                                "log.retention.ms",
                                "1000",
                                "num.io.threads",
                                "8"),
                        Map.of(
                                "min.insync.replicas",
                                "1",
                                "num.io.threads",
                                "8",
                                "log.segment.bytes",
                                "1048576"));
        assertThat(diff.set())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("min.insync.replicas", "2", "log.retention.ms", "1000"));
        assertThat(diff.delete()).containsExactly("log.segment.bytes");
    }

    @Test
    void nothingToWriteWhenEqual() {
        assertThat(DynamicConfigDiff.between(Map.of("a", "1"), Map.of("a", "1")).isEmpty())
                .isTrue();
        assertThat(DynamicConfigDiff.between(Map.of(), Map.of()).isEmpty()).isTrue();
    }
}
