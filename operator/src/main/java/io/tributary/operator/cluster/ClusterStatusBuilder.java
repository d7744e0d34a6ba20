package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.ClusterHealth;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.cluster.ListenerStatus;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status of a KafkaCluster from a snapshot: identity, versions, listeners, nodes, health and
 * the kstatus conditions. {@code observedGeneration} moves only when the generation is ready.
 */
public final class ClusterStatusBuilder {
    public static final String WARNING = "Warning";

    private ClusterStatusBuilder() {}

    /** The status to write, and whether the cluster is ready for its generation. */
    public record Outcome(KafkaClusterStatus status, Optional<ClusterReadiness.Waiting> waiting) {
        public boolean ready() {
            return waiting.isEmpty();
        }
    }

    public static Outcome build(
            KafkaClusterStatus previous,
            ClusterSnapshot snapshot,
            List<Problem> warnings,
            Instant now) {
        ClusterModel model = snapshot.model();
        long generation = model.cluster().getMetadata().getGeneration();
        KafkaClusterStatus status = new KafkaClusterStatus();
        if (previous != null) {
            status.setConditions(previous.getConditions());
            status.setObservedGeneration(previous.getObservedGeneration());
            status.setKafkaVersion(previous.getKafkaVersion());
            status.setMetadataVersion(previous.getMetadataVersion());
        }
        status.setClusterId(model.clusterId());
        status.setListeners(listeners(model));
        status.setNodes(nodes(snapshot));
        PoolState brokers = snapshot.brokerPool();
        status.setBrokersReady(brokers.readyPods() + "/" + brokers.pool().replicas());
        runningKafkaVersion(snapshot).ifPresent(status::setKafkaVersion);
        snapshot.kafka()
                .ifPresent(
                        kafka -> {
                            kafka.metadataVersion().ifPresent(status::setMetadataVersion);
                            ClusterHealth health = new ClusterHealth();
                            health.setUnderReplicatedPartitions(kafka.underReplicatedPartitions());
                            health.setOfflinePartitions(kafka.offlinePartitions());
                            health.setActiveController(kafka.activeController().orElse(null));
                            status.setHealth(health);
                        });

        Optional<ClusterReadiness.Waiting> waiting = ClusterReadiness.check(snapshot);
        if (waiting.isEmpty()) {
            StatusConditions.ready(status, generation, "the cluster runs the current spec", now);
        } else {
            StatusConditions.progressing(
                    status, generation, waiting.get().reason(), waiting.get().message(), now);
        }
        if (warnings.isEmpty()) {
            status.removeCondition(WARNING);
        } else {
            status.setCondition(
                    new Condition(
                            WARNING,
                            ConditionStatus.TRUE,
                            warnings.get(0).reason(),
                            warnings.stream()
                                    .map(Problem::message)
                                    .collect(Collectors.joining("; ")),
                            generation),
                    now);
        }
        return new Outcome(status, waiting);
    }

    static List<ListenerStatus> listeners(ClusterModel model) {
        List<ListenerStatus> listeners = new ArrayList<>();
        for (ListenerSpec listener : model.spec().getListeners()) {
            String host =
                    model.names().serviceHost(model.names().bootstrapService(listener.getName()));
            listeners.add(new ListenerStatus(listener.getName(), host + ":" + listener.getPort()));
        }
        return listeners;
    }

    static List<NodeStatus> nodes(ClusterSnapshot snapshot) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (PoolState state : snapshot.pools()) {
            NodePool pool = state.pool();
            for (int ordinal = 0; ordinal < pool.replicas(); ordinal++) {
                String podName = snapshot.model().names().pod(pool, ordinal);
                int id = pool.nodeId(ordinal);
                NodeStatus node = new NodeStatus();
                node.setId(id);
                node.setPod(podName);
                node.setRoles(pool.roles().stream().sorted().toList());
                node.setReady(state.pod(podName).map(PoolState::isReady).orElse(false));
                snapshot.kafka()
                        .flatMap(k -> k.broker(id))
                        .flatMap(KafkaObservation.Broker::rack)
                        .ifPresent(node::setRack);
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The Kafka version every pod runs, when they all run the same one. */
    static Optional<String> runningKafkaVersion(ClusterSnapshot snapshot) {
        List<String> versions =
                snapshot.pools().stream()
                        .flatMap(p -> p.pods().stream())
                        .map(ClusterStatusBuilder::kafkaVersion)
                        .distinct()
                        .toList();
        return versions.size() == 1 ? Optional.ofNullable(versions.get(0)) : Optional.empty();
    }

    private static String kafkaVersion(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .filter(c -> NodePoolStatefulSetBuilder.CONTAINER.equals(c.getName()))
                .map(Container::getEnv)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(e -> "TRIBUTARY_KAFKA_VERSION".equals(e.getName()))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }
}
