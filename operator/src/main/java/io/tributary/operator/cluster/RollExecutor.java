package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.RollStatus;
import io.tributary.api.v1alpha1.cluster.RolloutSpec;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.PreferredLeaders;
import io.tributary.operator.kafka.RollObserver;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.roll.NodeState;
import io.tributary.operator.roll.RollOptions;
import io.tributary.operator.roll.RollPlanner;
import io.tributary.operator.roll.RollSnapshot;
import io.tributary.operator.roll.RollStep;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a rolling restart one step per reconcile: deletes the pods whose restart the status
 * already records (the StatefulSet, with {@code OnDelete}, recreates them on the current template),
 * gathers what the planner needs, asks it, and records its next step in {@code status.roll}. A
 * restart is recorded (with the pod's uid) before the pod is deleted, in the next reconcile, so an
 * operator stopped at any point resumes without restarting a pod twice. Never waits on the
 * reconciler's thread: the reconciler comes back soon while a roll is under way.
 */
final class RollExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RollExecutor.class);

    /** How soon the reconciler looks again while a roll is under way. */
    static final Duration POLL = Duration.ofSeconds(1);

    /** How soon the reconciler comes back to delete the pods whose restart it just recorded. */
    static final Duration RECORDED_RESTART_POLL = Duration.ofMillis(100);

    static final String CONDITION = "RollingRestart";

    /**
     * The roll after this reconcile, whether safety has blocked it for too long, and whether it
     * recorded restarts that the next reconcile carries out.
     */
    record Outcome(RollStatus roll, boolean stalled, boolean restartsRecorded) {
        boolean active() {
            return roll != null;
        }

        /** How soon the reconciler should look again while this roll is under way. */
        Duration poll() {
            return restartsRecorded ? RECORDED_RESTART_POLL : POLL;
        }

        /**
         * Writes {@code status.roll} and the {@code RollingRestart} condition; a roll blocked for
         * longer than its bound makes the cluster Stalled, naming what blocks it.
         */
        void writeTo(KafkaClusterStatus status, long generation, Instant now) {
            status.setRoll(roll);
            if (roll == null) {
                status.removeCondition(CONDITION);
                return;
            }
            String reason =
                    stalled ? "Blocked" : roll.getRestarting().isEmpty() ? "Waiting" : "Restarting";
            String message =
                    roll.getReason()
                            + "; "
                            + roll.getRestarted().size()
                            + " restarted, "
                            + (roll.getPending().size() + roll.getRestarting().size())
                            + " to go"
                            + (roll.getMessage() == null ? "" : ": " + roll.getMessage());
            status.setCondition(
                    new Condition(CONDITION, ConditionStatus.TRUE, reason, message, generation),
                    now);
            if (stalled) {
                StatusConditions.stalled(
                        status, generation, new Problem("RollBlocked", message), now);
            }
        }
    }

    private final RollObserver observer;
    private final PreferredLeaders preferredLeaders;
    private final EventPublisher events;

    RollExecutor(Duration kafkaTimeout, EventPublisher events) {
        this.observer = new RollObserver(kafkaTimeout);
        this.preferredLeaders = new PreferredLeaders(kafkaTimeout);
        this.events = events;
    }

    Outcome step(
            KubernetesClient client,
            KafkaCluster cluster,
            ClusterModel model,
            List<PoolState> pools,
            Optional<KafkaObservation> kafka,
            Optional<Admin> admin,
            boolean rebalanceUnderWay,
            Instant now) {
        RollStatus previous = cluster.getStatus() == null ? null : cluster.getStatus().getRoll();
        if (previous == null && rebalanceUnderWay) {
            // One disruptive operation at a time: the roll starts once partitions stop moving.
            return new Outcome(null, false, false);
        }
        List<String> deleted = new ArrayList<>();
        for (Pod pod : RollNodes.awaitingDeletion(previous, pools)) {
            if (deleteRecorded(client, pod)) {
                deleted.add(pod.getMetadata().getName());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {}: {}", deleted, previous.getMessage());
            events.normal(cluster, "RestartingPod", previous.getMessage());
        }
        if (!RollNodes.templatesSettled(pools)) {
            return new Outcome(previous, false, false);
        }
        boolean clusterManualRoll = RollNodes.isManualRoll(cluster.getMetadata().getAnnotations());
        List<NodeState> nodes =
                RollNodes.of(model.names(), pools, kafka, previous, clusterManualRoll);
        RollStatus roll = RollProgress.observe(previous, nodes, now);
        if (roll == null) {
            return new Outcome(null, false, false);
        }
        if (previous == null) {
            LOG.info("Rolling restart: {} ({} pods)", roll.getReason(), roll.getPending().size());
            events.normal(
                    cluster,
                    "RollStarted",
                    "rolling restart of %s: %s"
                            .formatted(String.join(", ", roll.getPending()), roll.getReason()));
        }
        RollStep step = RollPlanner.plan(snapshot(cluster, nodes, roll, admin, now));
        Map<String, String> uids = new HashMap<>();
        if (step instanceof RollStep.Restart restart) {
            for (String pod : restart.pods()) {
                uids.put(pod, uid(pools, pod));
            }
            LOG.info("Restart recorded for {}: {}", restart.pods(), restart.reason());
        } else if (step instanceof RollStep.Wait wait && !wait.reason().equals(roll.getMessage())) {
            LOG.info("Roll waits: {}", wait.reason());
            if (wait.blockedBySafety()) {
                events.warning(cluster, "RollBlocked", wait.reason());
            }
        } else if (step instanceof RollStep.Done) {
            finish(client, cluster, roll, admin);
        }
        RollStatus next = RollProgress.record(roll, step, uids, now);
        Duration bound = Duration.ofSeconds(rollout(cluster).getStalledAfterSeconds());
        return new Outcome(
                next, RollProgress.stalled(next, bound, now), step instanceof RollStep.Restart);
    }

    private RollSnapshot snapshot(
            KafkaCluster cluster,
            List<NodeState> nodes,
            RollStatus roll,
            Optional<Admin> admin,
            Instant now) {
        RolloutSpec rollout = rollout(cluster);
        RollOptions options =
                new RollOptions(
                        Duration.ofSeconds(rollout.getPauseSeconds()), rollout.isRackByRack());
        Optional<Instant> lastBack = RollProgress.lastNodeBackAt(roll);
        if (admin.isEmpty()) {
            return RollSnapshot.withoutKafka(nodes, options, lastBack, now);
        }
        try {
            RollObserver.RollView view = observer.observe(admin.get());
            return new RollSnapshot(
                    nodes, view.quorum(), view.partitions(), options, lastBack, now);
        } catch (KafkaUnavailableException e) {
            LOG.info("Roll cannot see the partitions: {}", e.getMessage());
            return RollSnapshot.withoutKafka(nodes, options, lastBack, now);
        }
    }

    private static String uid(List<PoolState> pools, String name) {
        return pools.stream()
                .map(p -> p.pod(name))
                .flatMap(Optional::stream)
                .findFirst()
                .map(p -> p.getMetadata().getUid())
                .orElseThrow(() -> new IllegalStateException("no pod " + name));
    }

    /**
     * Deletes a pod whose restart the status records, only if it is still the pod recorded there:
     * the delete carries the resource version just read, so a cache that is behind can never make
     * it delete the pod's replacement. Returns whether it deleted the pod.
     */
    private static boolean deleteRecorded(KubernetesClient client, Pod cached) {
        String namespace = cached.getMetadata().getNamespace();
        String name = cached.getMetadata().getName();
        Pod current = client.pods().inNamespace(namespace).withName(name).get();
        if (current == null
                || current.getMetadata().getDeletionTimestamp() != null
                || !current.getMetadata().getUid().equals(cached.getMetadata().getUid())) {
            return false;
        }
        try {
            client.pods()
                    .inNamespace(namespace)
                    .withName(name)
                    .lockResourceVersion(current.getMetadata().getResourceVersion())
                    .delete();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.info(
                        "Pod {} changed before its deletion; the next reconcile looks again", name);
                return false;
            }
            throw e;
        }
    }

    /**
     * Ends the roll: leadership back to the preferred replicas, the manual-roll request removed.
     */
    private void finish(
            KubernetesClient client, KafkaCluster cluster, RollStatus roll, Optional<Admin> admin) {
        if (!roll.getRestarted().isEmpty() && admin.isPresent()) {
            try {
                int moved = preferredLeaders.elect(admin.get());
                LOG.info("Preferred leader election moved {} partitions", moved);
            } catch (KafkaUnavailableException e) {
                LOG.info("Preferred leader election failed: {}", e.getMessage());
            }
        }
        ClusterAnnotations.remove(client, cluster, RollNodes.MANUAL_ROLL);
        LOG.info("Rolling restart done: {} pods restarted", roll.getRestarted().size());
        events.normal(
                cluster,
                "RollFinished",
                "rolling restart done: %d pods restarted (%s)"
                        .formatted(roll.getRestarted().size(), roll.getReason()));
    }

    private static RolloutSpec rollout(KafkaCluster cluster) {
        return cluster.getSpec().getRollout() == null
                ? new RolloutSpec()
                : cluster.getSpec().getRollout();
    }
}
