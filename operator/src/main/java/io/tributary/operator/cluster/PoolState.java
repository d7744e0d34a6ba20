package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.operator.cluster.model.NodePool;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool as it runs: its StatefulSet (null before it exists) and its pods, as the informers last
 * saw them.
 */
public record PoolState(NodePool pool, StatefulSet statefulSet, List<Pod> pods) {
    public static final String REVISION_LABEL = "controller-revision-hash";

    public PoolState {
        pods = pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    public static boolean isReady(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    public Optional<Pod> pod(String name) {
        return pods.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst();
    }

    public long readyPods() {
        return pods.stream().filter(PoolState::isReady).count();
    }

    /** The StatefulSet's current template revision, once its controller has computed it. */
    public Optional<String> updateRevision() {
        return Optional.ofNullable(statefulSet)
                .map(StatefulSet::getStatus)
                .map(s -> s.getUpdateRevision());
    }

    /**
     * Whether every pod runs the current template (the StatefulSet controller saw our last write).
     */
    public boolean allOnUpdateRevision() {
        Optional<String> revision = updateRevision();
        return revision.isPresent()
                && statefulSet.getStatus().getObservedGeneration() != null
                && Objects.equals(
                        statefulSet.getStatus().getObservedGeneration(),
                        statefulSet.getMetadata().getGeneration())
                && pods.stream()
                        .allMatch(
                                p ->
                                        revision.get()
                                                .equals(
                                                        p.getMetadata()
                                                                .getLabels()
                                                                .get(REVISION_LABEL)));
    }
}
