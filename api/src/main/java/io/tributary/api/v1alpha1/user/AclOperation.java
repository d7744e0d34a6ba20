package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Kafka ACL operation, as the Kafka documentation names it. */
public enum AclOperation {
    @JsonProperty("All")
    ALL,
    @JsonProperty("Read")
    READ,
    @JsonProperty("Write")
    WRITE,
    @JsonProperty("Create")
    CREATE,
    @JsonProperty("Delete")
    DELETE,
    @JsonProperty("Alter")
    ALTER,
    @JsonProperty("Describe")
    DESCRIBE,
    @JsonProperty("ClusterAction")
    CLUSTER_ACTION,
    @JsonProperty("DescribeConfigs")
    DESCRIBE_CONFIGS,
    @JsonProperty("AlterConfigs")
    ALTER_CONFIGS,
    @JsonProperty("IdempotentWrite")
    IDEMPOTENT_WRITE,
    @JsonProperty("TwoPhaseCommit")
    TWO_PHASE_COMMIT
}
