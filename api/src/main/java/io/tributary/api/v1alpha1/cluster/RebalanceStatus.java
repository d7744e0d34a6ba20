package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A rebalance proposed or under way: why, over which brokers, and how far it has got. The plan
 * itself (each moving partition's target replicas) is in a ConfigMap, so that a restarted operator
 * carries on with the same plan.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "trigger",
    "state",
    "startedAt",
    "brokers",
    "added",
    "draining",
    "plan",
    "partitionsTotal",
    "partitionsDone",
    "replicaMovesTotal",
    "replicaMovesDone",
    "bytesTotal",
    "bytesDone",
    "leaderChanges",
    "message"
})
public class RebalanceStatus {
    /** Brokers were added and receive partitions. */
    public static final String SCALE_UP = "ScaleUp";

    /** Brokers are to be removed and are drained first. */
    public static final String SCALE_DOWN = "ScaleDown";

    /** A person asked for it with the rebalance annotation. */
    public static final String MANUAL = "Manual";

    /** Planned only (dry run): nothing moves until the rebalance annotation says "true". */
    public static final String PROPOSED = "Proposed";

    /** Partitions are moving. */
    public static final String MOVING = "Moving";

    /** Drained brokers are being removed: their pods go, then their registrations. */
    public static final String REMOVING_BROKERS = "RemovingBrokers";

    @JsonPropertyDescription("Why: ScaleUp, ScaleDown or Manual.")
    private String trigger;

    @JsonPropertyDescription(
            "Proposed (a dry run's plan, nothing moves), Moving, or RemovingBrokers (drained"
                    + " brokers' pods and registrations going).")
    private String state;

    @JsonPropertyDescription("When the plan was made (RFC 3339).")
    private String startedAt;

    @Size(max = 1000)
    @JsonPropertyDescription("The brokers the partitions are spread over once it is done.")
    private List<Integer> brokers = new ArrayList<>();

    @Size(max = 1000)
    @JsonPropertyDescription("Brokers added, which start empty.")
    private List<Integer> added = new ArrayList<>();

    @Size(max = 1000)
    @JsonPropertyDescription("Brokers being drained: they end holding no replicas.")
    private List<Integer> draining = new ArrayList<>();

    @JsonPropertyDescription("The ConfigMap holding the plan: each moving partition's target.")
    private String plan;

    @JsonPropertyDescription("Partitions whose replicas change.")
    private Integer partitionsTotal;

    @JsonPropertyDescription("Partitions that have reached their target.")
    private Integer partitionsDone;

    @JsonPropertyDescription("Replica copies the plan makes (a replica placed on a new broker).")
    private Integer replicaMovesTotal;

    @JsonPropertyDescription("Replica copies made so far.")
    private Integer replicaMovesDone;

    @JsonPropertyDescription("Bytes the plan copies, over the partitions whose size is known.")
    private Long bytesTotal;

    @JsonPropertyDescription("Bytes copied so far, over the partitions whose size is known.")
    private Long bytesDone;

    @JsonPropertyDescription("Partitions whose preferred leader changes.")
    private Integer leaderChanges;

    @JsonPropertyDescription("What the rebalance is doing or waiting for.")
    private String message;

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public List<Integer> getBrokers() {
        return brokers;
    }

    public void setBrokers(List<Integer> brokers) {
        this.brokers = brokers == null ? new ArrayList<>() : new ArrayList<>(brokers);
    }

    public List<Integer> getAdded() {
        return added;
    }

    public void setAdded(List<Integer> added) {
        this.added = added == null ? new ArrayList<>() : new ArrayList<>(added);
    }

    public List<Integer> getDraining() {
        return draining;
    }

    public void setDraining(List<Integer> draining) {
        this.draining = draining == null ? new ArrayList<>() : new ArrayList<>(draining);
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public Integer getPartitionsTotal() {
        return partitionsTotal;
    }

    public void setPartitionsTotal(Integer partitionsTotal) {
        this.partitionsTotal = partitionsTotal;
    }

    public Integer getPartitionsDone() {
        return partitionsDone;
    }

    public void setPartitionsDone(Integer partitionsDone) {
        this.partitionsDone = partitionsDone;
    }

    public Integer getReplicaMovesTotal() {
        return replicaMovesTotal;
    }

    public void setReplicaMovesTotal(Integer replicaMovesTotal) {
        this.replicaMovesTotal = replicaMovesTotal;
    }

    public Integer getReplicaMovesDone() {
        return replicaMovesDone;
    }

    public void setReplicaMovesDone(Integer replicaMovesDone) {
        this.replicaMovesDone = replicaMovesDone;
    }

    public Long getBytesTotal() {
        return bytesTotal;
    }

    public void setBytesTotal(Long bytesTotal) {
        this.bytesTotal = bytesTotal;
    }

    public Long getBytesDone() {
        return bytesDone;
    }

    public void setBytesDone(Long bytesDone) {
        this.bytesDone = bytesDone;
    }

    public Integer getLeaderChanges() {
        return leaderChanges;
    }

    public void setLeaderChanges(Integer leaderChanges) {
        this.leaderChanges = leaderChanges;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
