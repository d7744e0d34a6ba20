package io.tributary.operator.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.metrics.ResourceCensus.ClusterKey;
import io.tributary.operator.metrics.ResourceCensus.ClusterRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tributary's own gauges, refreshed from the informer caches before each scrape: clusters by
 * readiness, per cluster its readiness, brokers, partition health, roll and rebalance, topics and
 * users per cluster by readiness, and per kind the resources not converged yet and the age of the
 * oldest.
 */
public final class OperatorGauges {
    private final Supplier<Collection<KafkaCluster>> clusters;
    private final Supplier<Collection<KafkaTopic>> topics;
    private final Supplier<Collection<KafkaUser>> users;
    private final Clock clock;
    private final MultiGauge clustersByReadiness;
    private final MultiGauge clusterReady;
    private final MultiGauge brokersReady;
    private final MultiGauge brokersDesired;
    private final MultiGauge underReplicated;
    private final MultiGauge offline;
    private final MultiGauge rolling;
    private final MultiGauge rebalancing;
    private final MultiGauge topicsByReadiness;
    private final MultiGauge topicsReassigning;
    private final MultiGauge usersByReadiness;
    private Convergence clusterConvergence = Convergence.none();
    private Convergence topicConvergence = Convergence.none();
    private Convergence userConvergence = Convergence.none();
    private Instant lastRefresh;

    public OperatorGauges(
            MeterRegistry registry,
            Supplier<Collection<KafkaCluster>> clusters,
            Supplier<Collection<KafkaTopic>> topics,
            Supplier<Collection<KafkaUser>> users,
            BooleanSupplier leading,
            Clock clock) {
        this.clusters = clusters;
        this.topics = topics;
        this.users = users;
        this.clock = clock;
        this.lastRefresh = clock.instant();
        clustersByReadiness =
                multi(
                        registry,
                        "tributary.kafkaclusters",
                        "KafkaClusters by their Ready condition");
        clusterReady =
                multi(registry, "tributary.kafkacluster.ready", "1 when the cluster is Ready");
        brokersReady =
                multi(
                        registry,
                        "tributary.kafkacluster.brokers.ready",
                        "brokers ready, per cluster");
        brokersDesired =
                multi(
                        registry,
                        "tributary.kafkacluster.brokers.desired",
                        "brokers the spec asks for, per cluster");
        underReplicated =
                multi(
                        registry,
                        "tributary.kafkacluster.partitions.underreplicated",
                        "partitions with fewer in-sync replicas than replicas, per cluster");
        offline =
                multi(
                        registry,
                        "tributary.kafkacluster.partitions.offline",
                        "partitions without a leader, per cluster");
        rolling =
                multi(
                        registry,
                        "tributary.kafkacluster.roll.in.progress",
                        "1 while a rolling restart is under way, per cluster");
        rebalancing =
                multi(
                        registry,
                        "tributary.kafkacluster.rebalance.in.progress",
                        "1 while partitions move or drained brokers are being removed, per"
                                + " cluster");
        topicsByReadiness =
                multi(
                        registry,
                        "tributary.kafkatopics",
                        "KafkaTopics by cluster and their Ready condition");
        usersByReadiness =
                multi(
                        registry,
                        "tributary.kafkausers",
                        "KafkaUsers by cluster and their Ready condition");
        topicsReassigning =
                multi(
                        registry,
                        "tributary.kafkatopics.reassigning",
                        "KafkaTopics whose replicas are moving, per cluster");
        Gauge.builder("tributary.leader", leading, l -> l.getAsBoolean() ? 1 : 0)
                .strongReference(true)
                .description("1 when this replica reconciles (the leader, or no leader election)")
                .register(registry);
        convergenceGauges(registry, "KafkaCluster", o -> o.clusterConvergence);
        convergenceGauges(registry, "KafkaTopic", o -> o.topicConvergence);
        convergenceGauges(registry, "KafkaUser", o -> o.userConvergence);
    }

    /** Recounts from the caches; call before a scrape. */
    public synchronized void refresh() {
        Collection<KafkaCluster> currentClusters = clusters.get();
        Collection<KafkaTopic> currentTopics = topics.get();
        lastRefresh = clock.instant();
        clusterConvergence = clusterConvergence.next(currentClusters, lastRefresh);
        topicConvergence = topicConvergence.next(currentTopics, lastRefresh);
        Collection<KafkaUser> currentUsers = users.get();
        userConvergence = userConvergence.next(currentUsers, lastRefresh);
        usersByReadiness.register(
                UserCensus.of(currentUsers).stream()
                        .map(
                                u ->
                                        MultiGauge.Row.of(
                                                tags(u.cluster()).and("ready", u.readiness()),
                                                u.count()))
                        .toList(),
                true);
        ResourceCensus census = ResourceCensus.of(currentClusters, currentTopics);
        clustersByReadiness.register(
                census.clustersByReadiness().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("ready", e.getKey()), e.getValue()))
                        .toList(),
                true);
        List<ClusterRow> rows = census.clusters();
        register(clusterReady, rows, r -> r.ready() ? 1 : 0);
        register(brokersReady, rows, ClusterRow::brokersReady);
        register(brokersDesired, rows, ClusterRow::brokersDesired);
        register(underReplicated, rows, ClusterRow::underReplicatedPartitions);
        register(offline, rows, ClusterRow::offlinePartitions);
        register(rolling, rows, r -> r.rolling() ? 1 : 0);
        register(rebalancing, rows, r -> r.rebalancing() ? 1 : 0);
        topicsByReadiness.register(
                census.topics().stream()
                        .map(
                                t ->
                                        MultiGauge.Row.of(
                                                tags(t.cluster()).and("ready", t.readiness()),
                                                t.count()))
                        .toList(),
                true);
        topicsReassigning.register(
                census.reassigningTopics().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(tags(e.getKey()), e.getValue()))
                        .toList(),
                true);
    }

    private static MultiGauge multi(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static void register(
            MultiGauge gauge, List<ClusterRow> rows, Function<ClusterRow, Number> value) {
        gauge.register(
                rows.stream()
                        .map(r -> MultiGauge.Row.of(tags(r.cluster()), value.apply(r)))
                        .toList(),
                true);
    }

    private static Tags tags(ClusterKey cluster) {
        return Tags.of("namespace", cluster.namespace(), "cluster", cluster.name());
    }

    private void convergenceGauges(
            MeterRegistry registry, String kind, Function<OperatorGauges, Convergence> state) {
        Gauge.builder("tributary.resources.unconverged", this, o -> state.apply(o).count())
                .description("resources not Ready for their current generation")
                .tags("kind", kind)
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "tributary.resources.unconverged.oldest",
                        this,
                        o -> state.apply(o).oldest(o.lastRefresh).toMillis() / 1000.0)
                .description("how long the longest-unconverged resource has been so")
                .baseUnit("seconds")
                .tags("kind", kind)
                .strongReference(true)
                .register(registry);
    }

    /** For tests: the current convergence states by kind. */
    synchronized Map<String, Convergence> convergence() {
        return Map.of("KafkaCluster", clusterConvergence, "KafkaTopic", topicConvergence);
    }
}
