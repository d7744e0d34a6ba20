package io.tributary.api.v1alpha1.topic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.api.v1alpha1.ResourceStatus;

/** The observed state of a Kafka topic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "observedGeneration",
    "conditions",
    "topicName",
    "topicId",
    "partitions",
    "replicationFactor",
    "drift"
})
public class KafkaTopicStatus extends ResourceStatus {
    @JsonPropertyDescription("Name of the topic in Kafka.")
    private String topicName;

    @JsonPropertyDescription("Kafka's id of the topic.")
    private String topicId;

    @JsonPropertyDescription("Number of partitions the topic has in Kafka.")
    private Integer partitions;

    @JsonPropertyDescription("Replication factor the topic has in Kafka.")
    private Integer replicationFactor;

    @io.fabric8.generator.annotation.Size(max = 100)
    @JsonPropertyDescription(
            "How the topic in Kafka differed from the spec when last looked at, one line per"
                    + " difference; the operator then brings Kafka to the spec where it can.")
    private java.util.List<String> drift;

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public String getTopicId() {
        return topicId;
    }

    public void setTopicId(String topicId) {
        this.topicId = topicId;
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

    public java.util.List<String> getDrift() {
        return drift;
    }

    public void setDrift(java.util.List<String> drift) {
        this.drift = drift;
    }
}
