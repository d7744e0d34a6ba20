package io.tributary.operator.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.PartitionMover;
import io.tributary.operator.kafka.ReplicationThrottle;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.rebalance.PartitionAssignment;
import io.tributary.operator.rebalance.PlanTarget;
import io.tributary.operator.rebalance.RebalanceTrigger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a plan whose partitions have all reached their targets: preferred leaders elected, throttles
 * removed, the plan's ConfigMap deleted; then either done, or (for a drain) on to removing the
 * drained brokers — or planning again, when a topic created meanwhile put replicas on them.
 */
final class RebalanceCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceCompletion.class);

    private final PartitionMover mover;
    private final ReplicationThrottle throttle;
    private final EventPublisher events;

    RebalanceCompletion(PartitionMover mover, ReplicationThrottle throttle, EventPublisher events) {
        this.mover = mover;
        this.throttle = throttle;
        this.events = events;
    }

    RebalanceOutcome finish(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            Admin admin,
            RebalanceStatus rebalance,
            List<PlanTarget> plan,
            RebalanceOutcome unchanged)
            throws KafkaUnavailableException, InterruptedException {
        int leaders = mover.electPreferredLeaders(admin, plan);
        Set<String> topics =
                plan.stream().map(PlanTarget::topic).collect(Collectors.toCollection(TreeSet::new));
        throttle.releaseTopics(admin, topics);
        Set<Integer> registered = mover.registeredBrokers(admin).keySet();
        throttle.releaseBrokers(admin, registered);
        client.configMaps()
                .inNamespace(model.namespace())
                .withName(model.names().rebalancePlan())
                .delete();
        String summary =
                "%d partitions moved (%d replica moves, %d bytes where known), %d leaders elected"
                        .formatted(
                                rebalance.getPartitionsDone(),
                                rebalance.getReplicaMovesDone(),
                                rebalance.getBytesDone(),
                                leaders);
        if (!rebalance.getDraining().isEmpty()) {
            List<String> left = leftOn(admin, registered, rebalance.getDraining());
            if (!left.isEmpty()) {
                LOG.info("Drained brokers still hold {}; planning again", left);
                events.normal(
                        cluster,
                        "RebalanceRepeated",
                        "brokers %s still hold %s (created meanwhile); planning again"
                                .formatted(rebalance.getDraining(), left));
                return unchanged.withRebalance(null);
            }
            events.normal(
                    cluster,
                    "BrokersDrained",
                    "brokers %s drained: %s".formatted(rebalance.getDraining(), summary));
            return unchanged.withRebalance(
                    RebalanceStatusUpdate.inState(
                            rebalance,
                            RebalanceStatus.REMOVING_BROKERS,
                            "brokers " + rebalance.getDraining() + " hold no replicas"));
        }
        LOG.info("Rebalance finished: {}", summary);
        events.normal(cluster, "RebalanceFinished", summary);
        ClusterAnnotations.remove(client, cluster, RebalanceTrigger.ANNOTATION);
        return unchanged.withRebalance(null).withBalancedBrokers(rebalance.getBrokers());
    }

    /** Partitions (at most a few named) that still have a replica on a drained broker. */
    private List<String> leftOn(Admin admin, Set<Integer> registered, List<Integer> draining)
            throws KafkaUnavailableException, InterruptedException {
        return mover.assignment(admin, registered).stream()
                .filter(p -> p.replicas().stream().anyMatch(draining::contains))
                .map(PartitionAssignment::name)
                .limit(5)
                .toList();
    }
}
