package io.tributary.operator.metrics;

import static io.tributary.operator.metrics.TestResources.cluster;
import static io.tributary.operator.metrics.TestResources.clusterStatus;
import static io.tributary.operator.metrics.TestResources.topic;
import static io.tributary.operator.metrics.TestResources.topicStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.operator.metrics.ResourceCensus.ClusterKey;
import io.tributary.operator.metrics.ResourceCensus.ClusterRow;
import io.tributary.operator.metrics.ResourceCensus.ReadinessRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The census behind Tributary's gauges, from resources' statuses. */
class ResourceCensusTest {

    @Test
    void nothingToCountGivesZeroClustersOfEachReadiness() {
        ResourceCensus census = ResourceCensus.of(List.of(), List.of());

        assertThat(census.clustersByReadiness())
                .isEqualTo(Map.of("true", 0L, "false", 0L, "unknown", 0L));
        assertThat(census.clusters()).isEmpty();
        assertThat(census.topics()).isEmpty();
        assertThat(census.reassigningTopics()).isEmpty();
    }

    @Test
    void clustersByReadinessWithAClusterNotReconciledYetAsUnknown() {
        KafkaCluster ready = cluster("a", "ready", 3);
        ready.setStatus(clusterStatus(ConditionStatus.TRUE, List.of(true, true, true), 0, 0));
        KafkaCluster notReady = cluster("a", "not-ready", 3);
        notReady.setStatus(clusterStatus(ConditionStatus.FALSE, List.of(true, false), 4, 1));
        KafkaCluster fresh = cluster("b", "fresh", 1);

        ResourceCensus census = ResourceCensus.of(List.of(ready, notReady, fresh), List.of());

        assertThat(census.clustersByReadiness())
                .isEqualTo(Map.of("true", 1L, "false", 1L, "unknown", 1L));
    }

    @Test
    void eachClusterRowCountsReadyBrokersNotControllersAndReadsHealthAndRoll() {
        KafkaCluster cluster = cluster("kafka", "my-cluster", 3);
        cluster.setStatus(clusterStatus(ConditionStatus.FALSE, List.of(true, false, true), 7, 2));
        cluster.getStatus().setRoll(TestResources.roll());

        ResourceCensus census = ResourceCensus.of(List.of(cluster), List.of());

        assertThat(census.clusters())
                .containsExactly(
                        new ClusterRow(
                                new ClusterKey("kafka", "my-cluster"),
                                false,
                                2,
                                3,
                                7,
                                2,
                                true,
                                false));
    }

    @Test
    void aRebalanceUnderWayCountsAndAProposalDoesNot() {
        KafkaCluster cluster = cluster("kafka", "c", 3);
        cluster.setStatus(clusterStatus(ConditionStatus.TRUE, List.of(true, true, true), 0, 0));
        io.tributary.api.v1alpha1.cluster.RebalanceStatus rebalance =
                new io.tributary.api.v1alpha1.cluster.RebalanceStatus();
        rebalance.setState(io.tributary.api.v1alpha1.cluster.RebalanceStatus.MOVING);
        cluster.getStatus().setRebalance(rebalance);

        assertThat(ResourceCensus.of(List.of(cluster), List.of()).clusters().get(0).rebalancing())
                .isTrue();
        rebalance.setState(io.tributary.api.v1alpha1.cluster.RebalanceStatus.PROPOSED);
        assertThat(ResourceCensus.of(List.of(cluster), List.of()).clusters().get(0).rebalancing())
                .isFalse();
    }

    @Test
    void aClusterWithoutStatusHasItsDesiredBrokersAndNothingElse() {
        ResourceCensus census = ResourceCensus.of(List.of(cluster("kafka", "new", 5)), List.of());

        assertThat(census.clusters())
                .containsExactly(
                        new ClusterRow(
                                new ClusterKey("kafka", "new"), false, 0, 5, 0, 0, false, false));
    }

    @Test
    void aReadyClusterWithoutHealthReportsNoBadPartitions() {
        KafkaCluster cluster = cluster("kafka", "c", 1);
        cluster.setStatus(clusterStatus(ConditionStatus.TRUE, List.of(true), 0, 0));
        cluster.getStatus().setHealth(null);

        ClusterRow row = ResourceCensus.of(List.of(cluster), List.of()).clusters().get(0);

        assertThat(row.ready()).isTrue();
        assertThat(row.underReplicatedPartitions()).isZero();
        assertThat(row.offlinePartitions()).isZero();
        assertThat(row.rolling()).isFalse();
    }

    @Test
    void clusterRowsAreSortedByNamespaceThenName() {
        ResourceCensus census =
                ResourceCensus.of(
                        List.of(cluster("b", "a", 1), cluster("a", "z", 1), cluster("a", "b", 1)),
                        List.of());

        assertThat(census.clusters())
                .extracting(ClusterRow::cluster)
                .containsExactly(
                        new ClusterKey("a", "b"),
                        new ClusterKey("a", "z"),
                        new ClusterKey("b", "a"));
    }

    @Test
    void topicsAreCountedPerClusterAndReadiness() {
        KafkaTopic orders = topic("kafka", "orders", "my-cluster");
        orders.setStatus(topicStatus(ConditionStatus.TRUE, null));
        KafkaTopic payments = topic("kafka", "payments", "my-cluster");
        payments.setStatus(topicStatus(ConditionStatus.TRUE, null));
        KafkaTopic stuck = topic("kafka", "stuck", "my-cluster");
        stuck.setStatus(topicStatus(ConditionStatus.FALSE, "KafkaRefused"));
        KafkaTopic fresh = topic("kafka", "fresh", "my-cluster");
        KafkaTopic elsewhere = topic("other", "orders", "my-cluster");
        elsewhere.setStatus(topicStatus(ConditionStatus.TRUE, null));

        ResourceCensus census =
                ResourceCensus.of(List.of(), List.of(orders, payments, stuck, fresh, elsewhere));

        ClusterKey kafka = new ClusterKey("kafka", "my-cluster");
        assertThat(census.topics())
                .containsExactly(
                        new ReadinessRow(kafka, "false", 1),
                        new ReadinessRow(kafka, "true", 2),
                        new ReadinessRow(kafka, "unknown", 1),
                        new ReadinessRow(new ClusterKey("other", "my-cluster"), "true", 1));
        assertThat(census.reassigningTopics()).isEmpty();
    }

    @Test
    void topicsWhoseReplicasMoveAreCountedAsReassigning() {
        KafkaTopic moving = topic("kafka", "moving", "c");
        moving.setStatus(topicStatus(ConditionStatus.FALSE, ResourceCensus.REASSIGNING));
        KafkaTopic updating = topic("kafka", "updating", "c");
        updating.setStatus(topicStatus(ConditionStatus.FALSE, "Updating"));

        ResourceCensus census = ResourceCensus.of(List.of(), List.of(moving, updating));

        assertThat(census.reassigningTopics()).isEqualTo(Map.of(new ClusterKey("kafka", "c"), 1L));
    }
}
