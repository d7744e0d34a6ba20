package io.tributary.operator.metrics;

import static io.tributary.operator.metrics.TestResources.CREATED;
import static io.tributary.operator.metrics.TestResources.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.operator.status.StatusConditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which resources are not Ready for their generation, and for how long. */
class ConvergenceTest {
    static final Instant NOW = CREATED.plus(Duration.ofHours(1));

    /** A cluster at {@code generation}, Ready for {@code readyFor} (no condition when null). */
    static KafkaCluster withGenerations(String name, long generation, Long readyFor) {
        KafkaCluster cluster = cluster("kafka", name, 3);
        cluster.getMetadata().setGeneration(generation);
        KafkaClusterStatus status = new KafkaClusterStatus();
        if (readyFor != null) {
            StatusConditions.ready(status, readyFor, "ready", CREATED);
        }
        cluster.setStatus(status);
        return cluster;
    }

    @Test
    void aResourceNoLongerReadyIsPendingSinceReadyWentFalse() {
        KafkaCluster cluster = withGenerations("a", 2, 2L);
        StatusConditions.progressing(
                cluster.getStatus(), 2, "PodsNotReady", "a pod crashed", NOW.minusSeconds(40));

        Convergence next = Convergence.none().next(List.of(cluster), NOW);

        assertThat(next.count()).isEqualTo(1);
        assertThat(next.oldest(NOW)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void convergedResourcesAreNotPending() {
        Convergence next = Convergence.none().next(List.of(withGenerations("a", 3, 3L)), NOW);

        assertThat(next.count()).isZero();
        assertThat(next.oldest(NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aResourceThatNeverConvergedIsPendingSinceItsCreation() {
        Convergence next = Convergence.none().next(List.of(withGenerations("a", 1, null)), NOW);

        assertThat(next.count()).isEqualTo(1);
        assertThat(next.oldest(NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aResourceWithoutAnyStatusIsPendingSinceItsCreation() {
        KafkaCluster fresh = cluster("kafka", "fresh", 1);

        Convergence next = Convergence.none().next(List.of(fresh), NOW);

        assertThat(next.oldest(NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aChangedResourceIsPendingSinceFirstSeenBehindAndKeepsThatThroughFurtherChanges() {
        Convergence first = Convergence.none().next(List.of(withGenerations("a", 2, 1L)), NOW);
        Instant later = NOW.plusSeconds(90);
        Convergence second = first.next(List.of(withGenerations("a", 3, 1L)), later);

        assertThat(first.oldest(NOW)).isEqualTo(Duration.ZERO);
        assertThat(second.oldest(later)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void convergingEndsPendingAndALaterChangeStartsAfresh() {
        Convergence pending = Convergence.none().next(List.of(withGenerations("a", 2, 1L)), NOW);
        Convergence converged =
                pending.next(List.of(withGenerations("a", 2, 2L)), NOW.plusSeconds(10));
        Convergence changedAgain =
                converged.next(List.of(withGenerations("a", 3, 2L)), NOW.plusSeconds(100));

        assertThat(converged.count()).isZero();
        assertThat(changedAgain.oldest(NOW.plusSeconds(130))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theOldestOfSeveralIsReportedAndDeletedResourcesAreForgotten() {
        KafkaCluster old = withGenerations("old", 1, null);
        Convergence both =
                Convergence.none().next(List.of(old, withGenerations("new", 2, 1L)), NOW);
        Convergence afterDelete =
                both.next(List.of(withGenerations("new", 2, 1L)), NOW.plusSeconds(5));

        assertThat(both.count()).isEqualTo(2);
        assertThat(both.oldest(NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(afterDelete.count()).isEqualTo(1);
        assertThat(afterDelete.oldest(NOW.plusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnreadableCreationTimestampCountsFromNow() {
        KafkaCluster odd = withGenerations("odd", 1, null);
        odd.getMetadata().setCreationTimestamp("yesterday");

        assertThat(Convergence.none().next(List.of(odd), NOW).oldest(NOW)).isEqualTo(Duration.ZERO);
    }
}
