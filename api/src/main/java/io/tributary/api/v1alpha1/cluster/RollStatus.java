package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A rolling restart under way: why, since when, which pods are done and which remain. The operator
 * resumes from it after a restart of its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "reason",
    "startedAt",
    "restarted",
    "pending",
    "restarting",
    "lastNodeBackAt",
    "blockedSince",
    "message"
})
public class RollStatus {
    @JsonPropertyDescription(
            "Why the nodes restart: a changed pod template, a manual roll, a Kafka upgrade.")
    private String reason;

    @JsonPropertyDescription("When the roll started (RFC 3339).")
    private String startedAt;

    @Size(max = 1000)
    @JsonPropertyDescription("Pods restarted in this roll, in order.")
    private List<String> restarted = new ArrayList<>();

    @Size(max = 1000)
    @JsonPropertyDescription("Pods still to restart.")
    private List<String> pending = new ArrayList<>();

    @Size(max = 1000)
    @JsonPropertyDescription(
            "Pods deleted for a restart whose replacement is not ready yet, with the uid of the"
                    + " deleted pod to tell its replacement from it.")
    private List<RestartingPod> restarting = new ArrayList<>();

    @JsonPropertyDescription("When the last restarted node was back and ready (RFC 3339).")
    private String lastNodeBackAt;

    @JsonPropertyDescription(
            "Since when the roll has been blocked by safety, if it is (RFC 3339). After"
                    + " spec.rollout.stalledAfterSeconds the cluster is reported Stalled.")
    private String blockedSince;

    @JsonPropertyDescription("What the roll is doing or waiting for.")
    private String message;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public List<String> getRestarted() {
        return restarted;
    }

    public void setRestarted(List<String> restarted) {
        this.restarted = restarted == null ? new ArrayList<>() : restarted;
    }

    public List<String> getPending() {
        return pending;
    }

    public void setPending(List<String> pending) {
        this.pending = pending == null ? new ArrayList<>() : pending;
    }

    public List<RestartingPod> getRestarting() {
        return restarting;
    }

    public void setRestarting(List<RestartingPod> restarting) {
        this.restarting = restarting == null ? new ArrayList<>() : restarting;
    }

    public String getLastNodeBackAt() {
        return lastNodeBackAt;
    }

    public void setLastNodeBackAt(String lastNodeBackAt) {
        this.lastNodeBackAt = lastNodeBackAt;
    }

    public String getBlockedSince() {
        return blockedSince;
    }

    public void setBlockedSince(String blockedSince) {
        this.blockedSince = blockedSince;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
