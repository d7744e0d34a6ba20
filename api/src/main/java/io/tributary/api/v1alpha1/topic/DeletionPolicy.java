package io.tributary.api.v1alpha1.topic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What deleting a KafkaTopic does to the topic in Kafka. */
public enum DeletionPolicy {
    @JsonProperty("Delete")
    DELETE,
    @JsonProperty("Retain")
    RETAIN
}
