package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.api.v1alpha1.cluster.NodeRole;
import io.tributary.api.v1alpha1.cluster.RestartingPod;
import io.tributary.api.v1alpha1.cluster.RollStatus;
import io.tributary.operator.cluster.model.ClusterNames;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.roll.NodeState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The roll planner's view of a cluster's nodes: which pods exist, which are ready (and, for
 * brokers, registered), which must restart and why, and which already restarted in the roll under
 * way. Pure.
 */
public final class RollNodes {
    /** On the KafkaCluster, restarts every node; on a pod, that pod. Removed once done. */
    public static final String MANUAL_ROLL = "kafka.tributary.io/manual-roll";

    private RollNodes() {}

    /**
     * Whether every StatefulSet controller has seen the operator's last template, so that pod
     * revisions can be compared with it.
     */
    public static boolean templatesSettled(List<PoolState> pools) {
        return pools.stream()
                .allMatch(
                        p ->
                                p.statefulSet() != null
                                        && p.updateRevision().isPresent()
                                        && Objects.equals(
                                                p.statefulSet().getStatus().getObservedGeneration(),
                                                p.statefulSet().getMetadata().getGeneration()));
    }

    public static List<NodeState> of(
            ClusterNames names,
            List<PoolState> pools,
            Optional<KafkaObservation> kafka,
            RollStatus roll,
            boolean clusterManualRoll) {
        List<NodeState> nodes = new ArrayList<>();
        for (PoolState state : pools) {
            NodePool pool = state.pool();
            for (int ordinal = 0; ordinal < pool.replicas(); ordinal++) {
                String name = names.pod(pool, ordinal);
                int nodeId = pool.nodeId(ordinal);
                Optional<Pod> pod = state.pod(name);
                Optional<String> deletedUid = restartingUid(roll, name);
                boolean present =
                        pod.isPresent()
                                && pod.get().getMetadata().getDeletionTimestamp() == null
                                && !deletedUid.equals(
                                        Optional.of(pod.get().getMetadata().getUid()));
                boolean ready =
                        present
                                && PoolState.isReady(pod.get())
                                && (!pool.isBroker()
                                        || kafka.map(k -> k.broker(nodeId).isPresent())
                                                .orElse(true));
                nodes.add(
                        new NodeState(
                                name,
                                nodeId,
                                roles(pool),
                                present,
                                ready,
                                present
                                        ? restartReason(
                                                state.statefulSet(),
                                                pod.get(),
                                                roll,
                                                clusterManualRoll)
                                        : Optional.empty(),
                                restartedInThisRoll(roll, name),
                                kafka.flatMap(k -> k.broker(nodeId)).flatMap(b -> b.rack())));
            }
        }
        return nodes;
    }

    /** Why this pod must restart, or empty when it runs what it should. */
    static Optional<String> restartReason(
            StatefulSet sts, Pod pod, RollStatus roll, boolean clusterManualRoll) {
        String revision = pod.getMetadata().getLabels().get(PoolState.REVISION_LABEL);
        String current = sts.getStatus() == null ? null : sts.getStatus().getUpdateRevision();
        if (current != null && revision != null && !current.equals(revision)) {
            return Optional.of(templateChange(sts, pod));
        }
        if ("true".equals(annotation(pod.getMetadata().getAnnotations()))) {
            return Optional.of("manual roll of the pod");
        }
        if (clusterManualRoll && !restartedInThisRoll(roll, pod.getMetadata().getName())) {
            return Optional.of("manual roll of the cluster");
        }
        return Optional.empty();
    }

    /** What changed between the pod's template and the StatefulSet's, in a user's words. */
    static String templateChange(StatefulSet sts, Pod pod) {
        Optional<String> wantedImage = image(sts.getSpec().getTemplate().getSpec().getContainers());
        Optional<String> runningImage = image(pod.getSpec().getContainers());
        if (!wantedImage.equals(runningImage) && wantedImage.isPresent()) {
            return "image " + runningImage.orElse("?") + " -> " + wantedImage.get();
        }
        Map<String, String> wanted = sts.getSpec().getTemplate().getMetadata().getAnnotations();
        Map<String, String> running = pod.getMetadata().getAnnotations();
        String key = NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION;
        if (wanted != null
                && running != null
                && !Objects.equals(wanted.get(key), running.get(key))) {
            return "broker configuration changed";
        }
        String certificates = NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION;
        if (wanted != null
                && running != null
                && !Objects.equals(wanted.get(certificates), running.get(certificates))) {
            return "certificates or trusted CAs changed";
        }
        return "pod template changed";
    }

    private static Optional<String> image(List<Container> containers) {
        return containers.stream()
                .filter(c -> NodePoolStatefulSetBuilder.CONTAINER.equals(c.getName()))
                .map(Container::getImage)
                .findFirst();
    }

    private static String annotation(Map<String, String> annotations) {
        return annotations == null ? null : annotations.get(MANUAL_ROLL);
    }

    public static boolean isManualRoll(Map<String, String> annotations) {
        String value = annotation(annotations);
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    /**
     * The pods whose restart {@code status.roll} records but that still run with the uid recorded
     * there: a restart is written to the status first and carried out afterwards, so an operator
     * stopped in between neither forgets a deletion it made nor makes it twice.
     */
    public static List<Pod> awaitingDeletion(RollStatus roll, List<PoolState> pools) {
        if (roll == null) {
            return List.of();
        }
        List<Pod> pods = new ArrayList<>();
        for (RestartingPod restarting : roll.getRestarting()) {
            pools.stream()
                    .map(p -> p.pod(restarting.getPod()))
                    .flatMap(Optional::stream)
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .filter(p -> Objects.equals(p.getMetadata().getUid(), restarting.getUid()))
                    .findFirst()
                    .ifPresent(pods::add);
        }
        return pods;
    }

    private static Optional<String> restartingUid(RollStatus roll, String pod) {
        return roll == null
                ? Optional.empty()
                : roll.getRestarting().stream()
                        .filter(r -> pod.equals(r.getPod()))
                        .map(RestartingPod::getUid)
                        .findFirst();
    }

    private static boolean restartedInThisRoll(RollStatus roll, String pod) {
        return roll != null
                && (roll.getRestarted().contains(pod)
                        || roll.getRestarting().stream().anyMatch(r -> pod.equals(r.getPod())));
    }

    private static Set<NodeRole> roles(NodePool pool) {
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        if (pool.isBroker()) {
            roles.add(NodeRole.BROKER);
        }
        if (pool.isController()) {
            roles.add(NodeRole.CONTROLLER);
        }
        return roles;
    }
}
