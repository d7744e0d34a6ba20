package io.tributary.operator.cluster.model;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the builders need to know about one cluster: the resource, its pools and names, its stable
 * cluster id, the broker image and, for a secured cluster, a hash of the certificates and trust its
 * nodes must run with (empty otherwise). Derived once per reconcile, then read by every builder.
 */
public record ClusterModel(
        KafkaCluster cluster,
        String clusterId,
        ClusterNames names,
        List<NodePool> pools,
        String image,
        String certificatesHash) {

    public ClusterModel {
        pools = List.copyOf(pools);
    }

    public static ClusterModel of(
            KafkaCluster cluster, String clusterId, String clusterDomain, String image) {
        ClusterNames names =
                new ClusterNames(
                        cluster.getMetadata().getName(),
                        cluster.getMetadata().getNamespace(),
                        clusterDomain);
        return new ClusterModel(cluster, clusterId, names, NodePool.of(cluster), image, "");
    }

    /** The model with the hash of the certificates the nodes must run with. */
    public ClusterModel withCertificatesHash(String hash) {
        return new ClusterModel(cluster, clusterId, names, pools, image, hash);
    }

    /**
     * The model with the broker pool at {@code replicas} pods rather than the spec's count: brokers
     * to be removed keep running until they are drained.
     */
    public ClusterModel withBrokerReplicas(int replicas) {
        List<NodePool> adjusted = new ArrayList<>();
        for (NodePool pool : pools) {
            adjusted.add(
                    pool.isBroker() && pool.replicas() != replicas
                            ? pool.withReplicas(replicas)
                            : pool);
        }
        return new ClusterModel(cluster, clusterId, names, adjusted, image, certificatesHash);
    }

    public KafkaClusterSpec spec() {
        return cluster.getSpec();
    }

    public String name() {
        return cluster.getMetadata().getName();
    }

    public String namespace() {
        return cluster.getMetadata().getNamespace();
    }

    /** The pool whose nodes are KRaft controllers (the combined pool in combined mode). */
    public NodePool controllerPool() {
        return pools.stream().filter(NodePool::isController).findFirst().orElseThrow();
    }

    /** The pool whose nodes are brokers (the combined pool in combined mode). */
    public NodePool brokerPool() {
        return pools.stream().filter(NodePool::isBroker).findFirst().orElseThrow();
    }

    public Optional<NodePool> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * {@code host:port} of every controller's KRaft listener, for
     * controller.quorum.bootstrap.servers.
     */
    public List<String> controllerQuorumAddresses() {
        NodePool controllers = controllerPool();
        List<String> addresses = new ArrayList<>();
        for (int ordinal = 0; ordinal < controllers.replicas(); ordinal++) {
            addresses.add(names.podFqdn(controllers, ordinal) + ":" + NodePorts.CONTROLLER);
        }
        return addresses;
    }

    /**
     * The KRaft voters a new cluster starts with, as the storage tool's {@code
     * --initial-controllers} takes them: {@code id@host:port:directoryId,...}.
     */
    public String initialControllers() {
        NodePool controllers = controllerPool();
        List<String> voters = new ArrayList<>();
        for (int ordinal = 0; ordinal < controllers.replicas(); ordinal++) {
            int nodeId = controllers.nodeId(ordinal);
            voters.add(
                    nodeId
                            + "@"
                            + names.podFqdn(controllers, ordinal)
                            + ":"
                            + NodePorts.CONTROLLER
                            + ":"
                            + ControllerDirectoryIds.of(clusterId, nodeId));
        }
        return String.join(",", voters);
    }
}
