package io.tributary.operator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.RebalancePlanConfigMap;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.PartitionMover;
import io.tributary.operator.kafka.ReplicationThrottle;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.rebalance.Broker;
import io.tributary.operator.rebalance.PartitionAssignment;
import io.tributary.operator.rebalance.PlanTarget;
import io.tributary.operator.rebalance.RebalancePlan;
import io.tributary.operator.rebalance.RebalancePlanner;
import io.tributary.operator.rebalance.RebalanceRequest;
import io.tributary.operator.rebalance.RebalanceTrigger;
import io.tributary.operator.status.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a rebalance: reads every partition and its size, asks the planner, and either reports its
 * refusal (nothing moves), proposes the plan (a dry run), or writes the plan's ConfigMap before the
 * first partition moves, so that the plan outlives the operator.
 */
final class RebalancePlanning {
    private static final Logger LOG = LoggerFactory.getLogger(RebalancePlanning.class);

    private final PartitionMover mover;
    private final ReplicationThrottle throttle;
    private final EventPublisher events;

    RebalancePlanning(PartitionMover mover, ReplicationThrottle throttle, EventPublisher events) {
        this.mover = mover;
        this.throttle = throttle;
        this.events = events;
    }

    RebalanceOutcome start(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            Admin admin,
            RebalanceTrigger.Start start,
            RebalanceOutcome unchanged,
            Instant now)
            throws KafkaUnavailableException, InterruptedException {
        Map<Integer, Optional<String>> registered = mover.registeredBrokers(admin);
        List<PartitionAssignment> partitions = mover.assignment(admin, registered.keySet());
        // Every broker a replica is on takes part; one that is not to stay is drained.
        Set<Integer> ids = new TreeSet<>(start.brokers());
        ids.addAll(start.draining());
        partitions.forEach(p -> ids.addAll(p.replicas()));
        Set<Integer> draining = new TreeSet<>(ids);
        draining.removeAll(start.brokers());
        List<Broker> brokers =
                ids.stream()
                        .map(id -> new Broker(id, registered.getOrDefault(id, Optional.empty())))
                        .toList();
        RebalancePlan plan =
                RebalancePlanner.plan(
                        new RebalanceRequest(partitions, brokers, draining, start.added()));
        if (plan instanceof RebalancePlan.Refused refused) {
            return refuse(cluster, start, refused.problem(), unchanged);
        }
        RebalancePlan.Planned planned = (RebalancePlan.Planned) plan;
        RebalanceTrigger.Start effective =
                new RebalanceTrigger.Start(
                        start.trigger(), start.brokers(), start.added(), draining, start.dryRun());
        if (start.dryRun()) {
            RebalanceStatus proposed =
                    RebalanceStatusUpdate.planned(
                            effective, planned, RebalanceStatus.PROPOSED, null, now);
            events.normal(
                    cluster,
                    "RebalanceProposed",
                    "dry run: %d replica moves over %d partitions (%d bytes where known), %d leader changes"
                            .formatted(
                                    planned.totals().replicaMoves(),
                                    planned.totals().partitionsMoved(),
                                    planned.totals().bytesToCopy(),
                                    planned.totals().leaderChanges()));
            ClusterAnnotations.remove(client, cluster, RebalanceTrigger.ANNOTATION);
            return unchanged.withRebalance(proposed);
        }
        if (planned.nothingToDo()) {
            if (!draining.isEmpty()) {
                RebalanceStatus removing =
                        RebalanceStatusUpdate.planned(
                                effective, planned, RebalanceStatus.REMOVING_BROKERS, null, now);
                removing.setMessage("brokers " + draining + " hold no replicas");
                return unchanged.withRebalance(removing);
            }
            LOG.info("Rebalance not needed: the partitions are balanced over {}", start.brokers());
            events.normal(
                    cluster,
                    "RebalanceNotNeeded",
                    "the partitions are already balanced over brokers " + start.brokers());
            ClusterAnnotations.remove(client, cluster, RebalanceTrigger.ANNOTATION);
            return unchanged.withRebalance(null).withBalancedBrokers(start.brokers());
        }
        List<PlanTarget> targets = planned.moves().stream().map(PlanTarget::of).toList();
        client.resource(RebalancePlanConfigMap.build(model, targets))
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        Long rate =
                model.spec().getRebalance() == null
                        ? null
                        : model.spec().getRebalance().getThrottleBytesPerSecond();
        if (rate != null) {
            throttle.limitBrokers(admin, registered.keySet(), rate);
        }
        RebalanceStatus moving =
                RebalanceStatusUpdate.planned(
                        effective,
                        planned,
                        RebalanceStatus.MOVING,
                        model.names().rebalancePlan(),
                        now);
        String message =
                "%s: %d replica moves over %d partitions (%d bytes where known), %d leader changes"
                        .formatted(
                                RebalanceStatusUpdate.summary(moving).split(":")[0],
                                planned.totals().replicaMoves(),
                                planned.totals().partitionsMoved(),
                                planned.totals().bytesToCopy(),
                                planned.totals().leaderChanges());
        LOG.info("Rebalance started: {}", message);
        events.normal(cluster, "RebalanceStarted", message);
        return unchanged.withRebalance(moving);
    }

    private RebalanceOutcome refuse(
            KafkaCluster cluster,
            RebalanceTrigger.Start start,
            Problem problem,
            RebalanceOutcome unchanged) {
        String previous =
                cluster.getStatus() == null
                        ? null
                        : cluster.getStatus()
                                .findCondition("Stalled")
                                .map(c -> c.getMessage())
                                .orElse(null);
        if (!problem.message().equals(previous)) {
            LOG.info("Rebalance refused ({}): {}", start.trigger(), problem.message());
            events.warning(cluster, problem.reason(), problem.message());
        }
        return unchanged.refused(problem);
    }
}
