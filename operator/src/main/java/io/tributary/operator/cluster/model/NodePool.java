package io.tributary.operator.cluster.model;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.NodePoolSpec;
import io.tributary.api.v1alpha1.cluster.NodeRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One StatefulSet of Kafka nodes: its name within the cluster, its KRaft roles, its size and the
 * node id its first pod gets. Node ids are stable per pool and ordinal: brokers (and combined
 * nodes) count from 0, dedicated controllers from 1000.
 */
public record NodePool(
        String name, Set<NodeRole> roles, int replicas, int nodeIdBase, NodePoolSpec spec) {
    public static final String BROKERS = "brokers";
    public static final String CONTROLLERS = "controllers";
    public static final int CONTROLLER_NODE_ID_BASE = 1000;

    public NodePool {
        roles = Set.copyOf(roles);
    }

    /** The pools of a cluster: one combined pool, or controllers and brokers. */
    public static List<NodePool> of(KafkaCluster cluster) {
        KafkaClusterSpec spec = cluster.getSpec();
        List<NodePool> pools = new ArrayList<>();
        if (spec.getControllers() != null) {
            pools.add(
                    new NodePool(
                            CONTROLLERS,
                            EnumSet.of(NodeRole.CONTROLLER),
                            spec.getControllers().getReplicas(),
                            CONTROLLER_NODE_ID_BASE,
                            spec.getControllers()));
            pools.add(
                    new NodePool(
                            BROKERS,
                            EnumSet.of(NodeRole.BROKER),
                            spec.getBrokers().getReplicas(),
                            0,
                            spec.getBrokers()));
        } else {
            pools.add(
                    new NodePool(
                            BROKERS,
                            EnumSet.of(NodeRole.BROKER, NodeRole.CONTROLLER),
                            spec.getBrokers().getReplicas(),
                            0,
                            spec.getBrokers()));
        }
        return pools;
    }

    /** The same pool with another size, as while brokers being removed are still drained. */
    public NodePool withReplicas(int count) {
        return new NodePool(name, roles, count, nodeIdBase, spec);
    }

    public boolean isBroker() {
        return roles.contains(NodeRole.BROKER);
    }

    public boolean isController() {
        return roles.contains(NodeRole.CONTROLLER);
    }

    /** Kafka's process.roles value: {@code broker}, {@code controller} or both. */
    public String processRoles() {
        List<String> names = new ArrayList<>();
        if (isBroker()) {
            names.add(NodeRole.BROKER.configValue());
        }
        if (isController()) {
            names.add(NodeRole.CONTROLLER.configValue());
        }
        return String.join(",", names);
    }

    /** The node id of the pod with this ordinal. */
    public int nodeId(int ordinal) {
        return nodeIdBase + ordinal;
    }

    /** The node ids of the pool's pods, lowest first. */
    public List<Integer> nodeIds() {
        List<Integer> ids = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            ids.add(nodeId(ordinal));
        }
        return ids;
    }
}
