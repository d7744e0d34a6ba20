package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.RebalancePlanConfigMap;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.PartitionMover;
import io.tributary.operator.kafka.ReplicationThrottle;
import io.tributary.operator.kafka.ThrottledReplicas;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.rebalance.PlanTarget;
import io.tributary.operator.rebalance.RebalanceProgress;
import io.tributary.operator.rebalance.RebalanceTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out rebalances, one step per reconcile, with the plan kept in a ConfigMap and the
 * progress in {@code status.rebalance}, so that a restarted operator carries on where it was:
 *
 * <ol>
 *   <li>With no rebalance under way, {@link RebalanceTrigger} says whether one starts (brokers
 *       added or to be removed, or the rebalance annotation); {@link RebalancePlanning} plans it.
 *   <li>While moving: the partitions of the plan not yet at their target start moving in batches of
 *       {@code spec.rebalance.batchSize}, each batch only once the last has finished, throttled
 *       when {@code spec.rebalance.throttleBytesPerSecond} is set.
 *   <li>When every partition is at its target: preferred leaders are elected, the throttle is
 *       removed, the plan's ConfigMap deleted. A drain that left replicas on the brokers being
 *       removed (a topic created meanwhile) plans again.
 *   <li>Drained brokers are removed: the StatefulSet shrinks ({@link BrokerCount}), and once their
 *       pods are gone their registrations are removed from the KRaft metadata.
 * </ol>
 */
final class RebalanceExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceExecutor.class);

    static final String CONDITION = "Rebalancing";

    /** How soon the reconciler looks again while partitions move. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final PartitionMover mover;
    private final ReplicationThrottle throttle;
    private final RebalancePlanning planning;
    private final EventPublisher events;

    RebalanceExecutor(Duration kafkaTimeout, EventPublisher events) {
        this.mover = new PartitionMover(kafkaTimeout);
        this.throttle = new ReplicationThrottle(kafkaTimeout);
        this.planning = new RebalancePlanning(mover, throttle, events);
        this.events = events;
    }

    RebalanceOutcome step(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            List<PoolState> pools,
            Optional<KafkaObservation> kafka,
            Optional<Admin> admin,
            boolean rollUnderWay,
            Instant now) {
        RebalanceOutcome unchanged = RebalanceOutcome.unchanged(cluster.getStatus());
        if (kafka.isEmpty() || admin.isEmpty()) {
            return unchanged;
        }
        RebalanceStatus rebalance = unchanged.rebalance();
        try {
            if (rebalance != null && RebalanceStatus.MOVING.equals(rebalance.getState())) {
                return move(client, cluster, model, admin.get(), rebalance, unchanged);
            }
            if (rebalance != null
                    && RebalanceStatus.REMOVING_BROKERS.equals(rebalance.getState())) {
                return removeBrokers(cluster, model, pools, admin.get(), rebalance, unchanged);
            }
            RebalanceTrigger.Decision decision =
                    RebalanceTrigger.decide(
                            inputs(cluster, model, pools, kafka.get(), rollUnderWay));
            if (decision instanceof RebalanceTrigger.RecordBrokers record) {
                return unchanged.withBalancedBrokers(record.brokers());
            }
            if (decision instanceof RebalanceTrigger.Wait wait) {
                LOG.info("Rebalance waits: {}", wait.reason());
                return unchanged;
            }
            if (decision instanceof RebalanceTrigger.Start start) {
                return planning.start(client, cluster, model, admin.get(), start, unchanged, now);
            }
            return unchanged;
        } catch (KafkaUnavailableException e) {
            LOG.info("Rebalance step could not finish: {}", e.getMessage());
            return unchanged;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unchanged;
        }
    }

    private static RebalanceTrigger.Inputs inputs(
            KafkaCluster cluster,
            ClusterModel model,
            List<PoolState> pools,
            KafkaObservation kafka,
            boolean rollUnderWay) {
        PoolState brokers =
                pools.stream().filter(p -> p.pool().isBroker()).findFirst().orElseThrow();
        int running =
                brokers.statefulSet() == null ? 0 : brokers.statefulSet().getSpec().getReplicas();
        List<Integer> runningIds = new ArrayList<>();
        for (int ordinal = 0; ordinal < running; ordinal++) {
            runningIds.add(brokers.pool().nodeId(ordinal));
        }
        List<Integer> desired = new ArrayList<>();
        for (int ordinal = 0; ordinal < model.spec().getBrokers().getReplicas(); ordinal++) {
            desired.add(brokers.pool().nodeId(ordinal));
        }
        Set<Integer> registered =
                kafka.brokers().stream()
                        .map(KafkaObservation.Broker::id)
                        .collect(Collectors.toSet());
        return new RebalanceTrigger.Inputs(
                desired,
                runningIds,
                registered,
                cluster.getStatus() == null ? null : cluster.getStatus().getBalancedBrokers(),
                cluster.getStatus() == null ? null : cluster.getStatus().getRebalance(),
                RebalanceTrigger.annotation(cluster.getMetadata().getAnnotations()),
                model.spec().getRebalance() == null || model.spec().getRebalance().isAuto(),
                rollUnderWay);
    }

    /** Starts the next batch when the last has finished; ends the plan when all are done. */
    private RebalanceOutcome move(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            Admin admin,
            RebalanceStatus rebalance,
            RebalanceOutcome unchanged)
            throws KafkaUnavailableException, InterruptedException {
        ConfigMap stored =
                client.configMaps()
                        .inNamespace(model.namespace())
                        .withName(rebalance.getPlan())
                        .get();
        Optional<List<PlanTarget>> plan = RebalancePlanConfigMap.read(stored);
        if (plan.isEmpty()) {
            events.warning(
                    cluster,
                    "RebalancePlanLost",
                    "the plan's ConfigMap %s is missing or unreadable; planning again"
                            .formatted(rebalance.getPlan()));
            return unchanged.withRebalance(null);
        }
        Set<String> topics =
                plan.get().stream()
                        .map(PlanTarget::topic)
                        .collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<Integer>> current = mover.replicas(admin, topics);
        RebalanceProgress progress =
                RebalanceProgress.of(
                        plan.get(), current, mover.reassigning(admin), batchSize(model));
        if (!progress.next().isEmpty()) {
            throttleBatch(admin, model, progress.next(), current);
            mover.reassign(admin, progress.next());
            LOG.info(
                    "Rebalance: moving {} partitions ({} of {} done)",
                    progress.next().size(),
                    progress.done().size() + progress.dropped().size(),
                    plan.get().size());
        }
        RebalanceStatus next = RebalanceStatusUpdate.progressed(rebalance, progress);
        if (!progress.finished()) {
            return unchanged.withRebalance(next);
        }
        return new RebalanceCompletion(mover, throttle, events)
                .finish(client, cluster, model, admin, next, plan.get(), unchanged);
    }

    private void throttleBatch(
            Admin admin,
            ClusterModel model,
            List<PlanTarget> batch,
            Map<String, List<Integer>> current)
            throws KafkaUnavailableException, InterruptedException {
        Long rate =
                model.spec().getRebalance() == null
                        ? null
                        : model.spec().getRebalance().getThrottleBytesPerSecond();
        if (rate == null) {
            return;
        }
        throttle.limitBrokers(admin, mover.registeredBrokers(admin).keySet(), rate);
        Map<String, List<PlanTarget>> byTopic =
                batch.stream().collect(Collectors.groupingBy(PlanTarget::topic));
        for (var topic : byTopic.entrySet()) {
            Map<Integer, List<Integer>> before = new TreeMap<>();
            Map<Integer, List<Integer>> after = new TreeMap<>();
            for (PlanTarget target : topic.getValue()) {
                before.put(target.partition(), current.get(target.name()));
                after.put(target.partition(), target.replicas());
            }
            ThrottledReplicas replicas = ThrottledReplicas.of(before, after);
            if (!replicas.isEmpty()) {
                throttle.limitTopic(admin, topic.getKey(), replicas);
            }
        }
    }

    /** Removes the drained brokers' registrations once their pods are gone. */
    private RebalanceOutcome removeBrokers(
            KafkaCluster cluster,
            ClusterModel model,
            List<PoolState> pools,
            Admin admin,
            RebalanceStatus rebalance,
            RebalanceOutcome unchanged)
            throws KafkaUnavailableException, InterruptedException {
        PoolState brokers =
                pools.stream().filter(p -> p.pool().isBroker()).findFirst().orElseThrow();
        List<String> stillRunning = new ArrayList<>();
        for (int id : rebalance.getDraining()) {
            String pod = model.names().pod(brokers.pool(), id - brokers.pool().nodeIdBase());
            if (brokers.pod(pod).isPresent()) {
                stillRunning.add(pod);
            }
        }
        if (!stillRunning.isEmpty()) {
            RebalanceStatus next = RebalanceStatusUpdate.copy(rebalance);
            next.setMessage("waiting for the pods of removed brokers to stop: " + stillRunning);
            return unchanged.withRebalance(next);
        }
        Set<Integer> registered = mover.registeredBrokers(admin).keySet();
        for (int id : rebalance.getDraining()) {
            if (registered.contains(id)) {
                mover.unregister(admin, id);
                LOG.info("Unregistered broker {}", id);
            }
        }
        events.normal(
                cluster,
                "BrokersRemoved",
                "brokers %s drained, stopped and unregistered".formatted(rebalance.getDraining()));
        return unchanged.withRebalance(null).withBalancedBrokers(rebalance.getBrokers());
    }

    private static int batchSize(ClusterModel model) {
        return model.spec().getRebalance() == null
                ? 10
                : model.spec().getRebalance().getBatchSize();
    }
}
