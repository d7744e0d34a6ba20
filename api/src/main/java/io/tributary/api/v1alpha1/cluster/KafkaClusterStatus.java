package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.api.v1alpha1.ResourceStatus;
import java.util.ArrayList;
import java.util.List;

/** The observed state of a KafkaCluster, as the operator last saw it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "observedGeneration",
    "conditions",
    "clusterId",
    "kafkaVersion",
    "metadataVersion",
    "brokersReady",
    "listeners",
    "nodes",
    "health",
    "roll",
    "rebalance",
    "balancedBrokers"
})
public class KafkaClusterStatus extends ResourceStatus {
    @JsonPropertyDescription("The Kafka cluster id, kept for the life of the cluster.")
    private String clusterId;

    @JsonPropertyDescription("Kafka version that every node runs.")
    private String kafkaVersion;

    @JsonPropertyDescription("The finalised KRaft metadata.version.")
    private String metadataVersion;

    @JsonPropertyDescription("Ready brokers over desired brokers, for example 2/3.")
    private String brokersReady;

    @JsonPropertyDescription("Each listener with the bootstrap address clients use.")
    private List<ListenerStatus> listeners = new ArrayList<>();

    @JsonPropertyDescription("Every node of the cluster: id, pod, roles, readiness and rack.")
    private List<NodeStatus> nodes = new ArrayList<>();

    @JsonPropertyDescription("Partition and controller health as the brokers report it.")
    private ClusterHealth health;

    @JsonPropertyDescription(
            "The rolling restart under way, if any: why, which pods are done and which remain.")
    private RollStatus roll;

    @JsonPropertyDescription(
            "The rebalance proposed or under way, if any: why, over which brokers, how far.")
    private RebalanceStatus rebalance;

    @io.fabric8.generator.annotation.Size(max = 1000)
    @JsonPropertyDescription(
            "The brokers the partitions were last spread over. A registered broker missing here is"
                    + " new, and with spec.rebalance.auto partitions move onto it.")
    private List<Integer> balancedBrokers;

    public String getClusterId() {
        return clusterId;
    }

    public void setClusterId(String clusterId) {
        this.clusterId = clusterId;
    }

    public String getKafkaVersion() {
        return kafkaVersion;
    }

    public void setKafkaVersion(String kafkaVersion) {
        this.kafkaVersion = kafkaVersion;
    }

    public String getMetadataVersion() {
        return metadataVersion;
    }

    public void setMetadataVersion(String metadataVersion) {
        this.metadataVersion = metadataVersion;
    }

    public String getBrokersReady() {
        return brokersReady;
    }

    public void setBrokersReady(String brokersReady) {
        this.brokersReady = brokersReady;
    }

    public List<ListenerStatus> getListeners() {
        return listeners;
    }

    public void setListeners(List<ListenerStatus> listeners) {
        this.listeners = listeners;
    }

    public List<NodeStatus> getNodes() {
        return nodes;
    }

    public void setNodes(List<NodeStatus> nodes) {
        this.nodes = nodes;
    }

    public ClusterHealth getHealth() {
        return health;
    }

    public void setHealth(ClusterHealth health) {
        this.health = health;
    }

    public RollStatus getRoll() {
        return roll;
    }

    public void setRoll(RollStatus roll) {
        this.roll = roll;
    }

    public RebalanceStatus getRebalance() {
        return rebalance;
    }

    public void setRebalance(RebalanceStatus rebalance) {
        this.rebalance = rebalance;
    }

    public List<Integer> getBalancedBrokers() {
        return balancedBrokers;
    }

    public void setBalancedBrokers(List<Integer> balancedBrokers) {
        this.balancedBrokers = balancedBrokers == null ? null : new ArrayList<>(balancedBrokers);
    }
}
