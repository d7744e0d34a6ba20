package io.tributary.operator.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceProgressTest {
    private static final List<PlanTarget> PLAN =
            List.of(
                    new PlanTarget("a", 0, List.of(3, 1), 1, 100),
                    new PlanTarget("a", 1, List.of(1, 3), 1, 200),
                    new PlanTarget("b", 0, List.of(3, 2), 1, -1),
                    new PlanTarget("c", 0, List.of(3, 0), 1, 50));

    @Test
    void theFirstBatchStartsWhenNothingMoves() {
        RebalanceProgress progress =
                RebalanceProgress.of(
                        PLAN,
                        Map.of(
                                "a-0", List.of(0, 1),
                                "a-1", List.of(1, 2),
                                "b-0", List.of(0, 2),
                                "c-0", List.of(1, 0)),
                        Set.of(),
                        2);

        assertThat(progress.next()).extracting(PlanTarget::name).containsExactly("a-0", "a-1");
        assertThat(progress.finished()).isFalse();
    }

    @Test
    void theNextBatchWaitsForTheLastToFinish() {
        RebalanceProgress progress =
                RebalanceProgress.of(
                        PLAN,
                        Map.of(
                                "a-0", List.of(3, 1),
                                "a-1", List.of(1, 2, 3),
                                "b-0", List.of(0, 2),
                                "c-0", List.of(1, 0)),
                        Set.of("a-1"),
                        2);

        assertThat(progress.done()).extracting(PlanTarget::name).containsExactly("a-0");
        assertThat(progress.moving()).extracting(PlanTarget::name).containsExactly("a-1");
        assertThat(progress.next()).isEmpty();
        assertThat(progress.copiesDone()).isEqualTo(1);
        assertThat(progress.bytesDone()).isEqualTo(100);
    }

    @Test
    void deletedTopicsAndChangedFactorsAreDroppedAndTheRestFinishes() {
        RebalanceProgress progress =
                RebalanceProgress.of(
                        PLAN,
                        Map.of(
                                "a-0", List.of(3, 1),
                                "a-1", List.of(1, 3),
                                "c-0", List.of(3, 0, 1)),
                        Set.of(),
                        2);

        assertThat(progress.dropped()).extracting(PlanTarget::name).containsExactly("b-0", "c-0");
        assertThat(progress.finished()).isTrue();
        assertThat(progress.next()).isEmpty();
        assertThat(progress.bytesDone()).isEqualTo(300);
    }

    @Test
    void aReorderIsPendingUntilKafkaHasTheNewOrder() {
        RebalanceProgress progress =
                RebalanceProgress.of(
                        List.of(new PlanTarget("a", 0, List.of(1, 0), 0, 0)),
                        Map.of("a-0", List.of(0, 1)),
                        Set.of(),
                        10);

        assertThat(progress.next()).hasSize(1);
    }
}
