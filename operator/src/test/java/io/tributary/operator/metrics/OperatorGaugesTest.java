package io.tributary.operator.metrics;

import static io.tributary.operator.metrics.TestResources.CREATED;
import static io.tributary.operator.metrics.TestResources.cluster;
import static io.tributary.operator.metrics.TestResources.clusterStatus;
import static io.tributary.operator.metrics.TestResources.topic;
import static io.tributary.operator.metrics.TestResources.topicStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.api.v1alpha1.user.KafkaUserSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gauges as Prometheus scrapes them, refreshed from what the caches hold. */
class OperatorGaugesTest {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final List<KafkaCluster> clusters = new ArrayList<>();
    final List<KafkaTopic> topics = new ArrayList<>();
    final List<KafkaUser> users = new ArrayList<>();
    final AtomicBoolean leading = new AtomicBoolean(true);
    OperatorGauges gauges;

    @BeforeEach
    void register() {
        Clock clock = Clock.fixed(CREATED.plusSeconds(600), ZoneOffset.UTC);
        gauges =
                new OperatorGauges(
                        registry, () -> clusters, () -> topics, () -> users, leading::get, clock);
    }

    String scrape() {
        gauges.refresh();
        return registry.scrape();
    }

    @Test
    void usersAreCountedPerClusterAndReadiness() {
        KafkaUser user = new KafkaUser();
        user.getMetadata().setNamespace("kafka");
        user.getMetadata().setName("orders-app");
        user.getMetadata().setGeneration(1L);
        user.getMetadata().setUid("uid-orders-app");
        KafkaUserSpec spec = new KafkaUserSpec();
        spec.setClusterRef(new ClusterRef("my-cluster"));
        user.setSpec(spec);
        users.add(user);

        assertThat(scrape())
                .contains(
                        "tributary_kafkausers{cluster=\"my-cluster\",namespace=\"kafka\",ready=\"unknown\"}"
                            + " 1.0")
                .contains("tributary_resources_unconverged{kind=\"KafkaUser\"} 1.0");
    }

    @Test
    void perClusterSeriesFromTheStatus() {
        KafkaCluster cluster = cluster("kafka", "my-cluster", 3);
        cluster.setStatus(clusterStatus(ConditionStatus.FALSE, List.of(true, true, false), 5, 1));
        cluster.getStatus().setRoll(TestResources.roll());
        clusters.add(cluster);

        String text = scrape();

        String labels = "{cluster=\"my-cluster\",namespace=\"kafka\"}";
        assertThat(text)
                .contains("tributary_kafkaclusters{ready=\"false\"} 1.0")
                .contains("tributary_kafkaclusters{ready=\"true\"} 0.0")
                .contains("tributary_kafkacluster_ready" + labels + " 0.0")
                .contains("tributary_kafkacluster_brokers_ready" + labels + " 2.0")
                .contains("tributary_kafkacluster_brokers_desired" + labels + " 3.0")
                .contains("tributary_kafkacluster_partitions_underreplicated" + labels + " 5.0")
                .contains("tributary_kafkacluster_partitions_offline" + labels + " 1.0")
                .contains("tributary_kafkacluster_roll_in_progress" + labels + " 1.0");
    }

    @Test
    void topicSeriesPerClusterAndReadiness() {
        KafkaTopic ready = topic("kafka", "orders", "my-cluster");
        ready.setStatus(topicStatus(ConditionStatus.TRUE, null));
        KafkaTopic moving = topic("kafka", "payments", "my-cluster");
        moving.setStatus(topicStatus(ConditionStatus.FALSE, ResourceCensus.REASSIGNING));
        topics.addAll(List.of(ready, moving));

        String text = scrape();

        assertThat(text)
                .contains(
                        "tributary_kafkatopics{cluster=\"my-cluster\",namespace=\"kafka\",ready=\"true\"}"
                            + " 1.0")
                .contains(
                        "tributary_kafkatopics{cluster=\"my-cluster\",namespace=\"kafka\",ready=\"false\"}"
                            + " 1.0")
                .contains(
                        "tributary_kafkatopics_reassigning{cluster=\"my-cluster\",namespace=\"kafka\"}"
                            + " 1.0");
    }

    @Test
    void aDeletedClusterLeavesNoSeriesBehind() {
        clusters.add(cluster("kafka", "gone", 1));
        assertThat(scrape()).contains("cluster=\"gone\"");

        clusters.clear();

        assertThat(scrape()).doesNotContain("cluster=\"gone\"");
    }

    @Test
    void theOldestUnconvergedResourceAgesFromItsCreation() {
        clusters.add(cluster("kafka", "never-ready", 3));
        KafkaTopic converged = topic("kafka", "orders", "never-ready");
        converged.setStatus(topicStatus(ConditionStatus.TRUE, null));
        converged.getStatus().setObservedGeneration(1L);
        topics.add(converged);

        String text = scrape();

        assertThat(text)
                .contains("tributary_resources_unconverged{kind=\"KafkaCluster\"} 1.0")
                .contains(
                        "tributary_resources_unconverged_oldest_seconds{kind=\"KafkaCluster\"}"
                                + " 600.0")
                .contains("tributary_resources_unconverged{kind=\"KafkaTopic\"} 0.0")
                .contains(
                        "tributary_resources_unconverged_oldest_seconds{kind=\"KafkaTopic\"} 0.0");
        assertThat(gauges.convergence().get("KafkaCluster").pendingSince())
                .containsValue(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void leadershipIsAGauge() {
        assertThat(scrape()).contains("tributary_leader 1.0");

        leading.set(false);

        assertThat(scrape()).contains("tributary_leader 0.0");
    }
}
