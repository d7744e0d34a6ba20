package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCodecTest {
    @Test
    void aPlanReadsBackAsWritten() {
        List<PlanTarget> plan =
                List.of(
                        new PlanTarget("orders", 0, List.of(3, 0, 1), 1, 1024),
                        new PlanTarget("__consumer_offsets", 12, List.of(2, 3), 1, -1),
                        new PlanTarget("with.dots-and_under", 7, List.of(1), 0, 0));

        assertThat(PlanCodec.decode(PlanCodec.encode(plan))).isEqualTo(plan);
    }

    @Test
    void tenThousandMovesFitInAConfigMap() {
        List<PlanTarget> plan = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            plan.add(new PlanTarget("topic-" + (i / 10), i % 10, List.of(i % 7, 7, 8), 1, i));
        }
        byte[] encoded = PlanCodec.encode(plan);

        assertThat(encoded.length).isLessThan(256 * 1024);
        assertThat(PlanCodec.decode(encoded)).isEqualTo(plan);
    }

    @Test
    void somethingElseIsNotAPlan() {
        assertThatThrownBy(() -> PlanCodec.decode("not gzip".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a rebalance plan");
    }
}
