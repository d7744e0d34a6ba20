package io.tributary.api.v1alpha1.topic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.tributary.api.v1alpha1.ClusterRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** The desired state of a Kafka topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "clusterRef",
    "topicName",
    "partitions",
    "replicationFactor",
    "config",
    "deletionPolicy"
})
@ValidationRule(
        value =
                "has(self.topicName) == has(oldSelf.topicName)"
                        + " && (!has(self.topicName) || self.topicName == oldSelf.topicName)",
        fieldPath = ".topicName",
        reason = "FieldValueForbidden",
        message = "cannot be changed: Kafka cannot rename a topic")
public class KafkaTopicSpec {
    @Required
    @ValidationRule(
            value = "self == oldSelf",
            reason = "FieldValueForbidden",
            message = "cannot be changed: a topic cannot move to another cluster")
    @JsonPropertyDescription("The KafkaCluster, in this namespace, that holds the topic.")
    private ClusterRef clusterRef;

    @Size(min = 1, max = 249)
    @Pattern("^[a-zA-Z0-9._-]+$")
    @ValidationRule(
            value = "self != '.' && self != '..'",
            reason = "FieldValueInvalid",
            message = "must not be '.' or '..'")
    @JsonPropertyDescription(
            "Name of the topic in Kafka: letters, digits, '.', '_' and '-', at most 249"
                    + " characters. Defaults to metadata.name; set it for names Kubernetes does"
                    + " not allow, such as ones with capitals or '_'. Cannot be changed.")
    private String topicName;

    @Min(1)
    @Max(1000000)
    @JsonPropertyDescription(
            "Number of partitions: the most consumers of a group that can read in parallel. Can"
                    + " be increased (which changes which partition a key maps to), never"
                    + " decreased. Defaults to the cluster's num.partitions.")
    private Integer partitions;

    @Min(1)
    @Max(32767)
    @JsonPropertyDescription(
            "Number of copies of each partition, on different brokers. Defaults to the cluster's"
                    + " spec.replication.defaultReplicationFactor. Changing it moves replicas.")
    private Integer replicationFactor;

    @Size(max = 100)
    @ValidationRule(
            value =
                    "!('leader.replication.throttled.replicas' in self)"
                            + " && !('follower.replication.throttled.replicas' in self)",
            reason = "FieldValueForbidden",
            message =
                    "must not set leader.replication.throttled.replicas or"
                            + " follower.replication.throttled.replicas: the operator sets them"
                            + " while replicas move (spec.rebalance.throttleBytesPerSecond of the"
                            + " cluster)")
    @JsonPropertyDescription(
            "Topic configuration (topic-level keys and string values), for example retention.ms"
                    + " or cleanup.policy. A key removed from here returns to the broker default."
                    + " Kafka validates keys and values.")
    private Map<String, String> config = new LinkedHashMap<>();

    @Default("Delete")
    @JsonPropertyDescription(
            "What deleting this resource does to the topic in Kafka: Delete (delete it with its"
                    + " records) or Retain (leave it).")
    private DeletionPolicy deletionPolicy = DeletionPolicy.DELETE;

    public ClusterRef getClusterRef() {
        return clusterRef;
    }

    public void setClusterRef(ClusterRef clusterRef) {
        this.clusterRef = clusterRef;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public Integer getPartitions() {
        return partitions;
    }

    public void setPartitions(Integer partitions) {
        this.partitions = partitions;
    }

    public Integer getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(Integer replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
