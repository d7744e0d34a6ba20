package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Replication defaults of a cluster; the internal topics' replication is derived from them. */
@JsonPropertyOrder({"defaultReplicationFactor", "minInSyncReplicas", "uncleanLeaderElection"})
@ValidationRule(
        value = "self.minInSyncReplicas <= self.defaultReplicationFactor",
        fieldPath = ".minInSyncReplicas",
        reason = "FieldValueInvalid",
        message =
                "must not exceed defaultReplicationFactor: no write with acks=all could ever"
                        + " succeed")
public class ReplicationSpec {
    @Default("3")
    @Min(1)
    @Max(32767)
    @JsonPropertyDescription(
            "Replication factor of topics created without one, and of the internal topics"
                    + " (__consumer_offsets, __transaction_state). At most the number of brokers.")
    private int defaultReplicationFactor = 3;

    @Default("2")
    @Min(1)
    @Max(32767)
    @JsonPropertyDescription(
            "min.insync.replicas: how many replicas must have a record before a write with"
                    + " acks=all succeeds. Keep it below defaultReplicationFactor so that losing"
                    + " one broker does not stop acks=all writes.")
    private int minInSyncReplicas = 2;

    @Default("false")
    @JsonPropertyDescription(
            "Allow a replica that is not in sync to become leader when no in-sync replica is"
                    + " left. Keeps partitions available at the cost of losing acknowledged"
                    + " records.")
    private boolean uncleanLeaderElection;

    public int getDefaultReplicationFactor() {
        return defaultReplicationFactor;
    }

    public void setDefaultReplicationFactor(int defaultReplicationFactor) {
        this.defaultReplicationFactor = defaultReplicationFactor;
    }

    public int getMinInSyncReplicas() {
        return minInSyncReplicas;
    }

    public void setMinInSyncReplicas(int minInSyncReplicas) {
        this.minInSyncReplicas = minInSyncReplicas;
    }

    public boolean isUncleanLeaderElection() {
        return uncleanLeaderElection;
    }

    public void setUncleanLeaderElection(boolean uncleanLeaderElection) {
        this.uncleanLeaderElection = uncleanLeaderElection;
    }
}
