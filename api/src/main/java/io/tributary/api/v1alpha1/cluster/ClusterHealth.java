package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Partition and controller health, as the brokers report it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterHealth {
    @JsonPropertyDescription("Partitions whose in-sync replicas are fewer than their replicas.")
    private int underReplicatedPartitions;

    @JsonPropertyDescription("Partitions without a leader: nobody can read or write them.")
    private int offlinePartitions;

    @JsonPropertyDescription("Node id of the active KRaft controller.")
    private Integer activeController;

    public int getUnderReplicatedPartitions() {
        return underReplicatedPartitions;
    }

    public void setUnderReplicatedPartitions(int underReplicatedPartitions) {
        this.underReplicatedPartitions = underReplicatedPartitions;
    }

    public int getOfflinePartitions() {
        return offlinePartitions;
    }

    public void setOfflinePartitions(int offlinePartitions) {
        this.offlinePartitions = offlinePartitions;
    }

    public Integer getActiveController() {
        return activeController;
    }

    public void setActiveController(Integer activeController) {
        this.activeController = activeController;
    }
}
