package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How the operator paces a rolling restart of the cluster's nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {
    @Default("0")
    @Min(0)
    @Max(3600)
    @JsonPropertyDescription(
            "Seconds to wait after a restarted node is back and in sync before restarting the next"
                    + " one.")
    private int pauseSeconds;

    @Default("false")
    @JsonPropertyDescription(
            "Restart the brokers of one rack together, when doing so leaves every partition at or"
                    + " above its min.insync.replicas (that is, when partitions are spread over"
                    + " racks). Controllers always restart one at a time.")
    private boolean rackByRack;

    @Default("600")
    @Min(30)
    @Max(86400)
    @JsonPropertyDescription(
            "Seconds a roll may be blocked by safety (a partition that would fall below"
                    + " min.insync.replicas, a quorum that is not caught up) before the cluster is"
                    + " reported Stalled. The roll keeps waiting and continues once it is safe.")
    private int stalledAfterSeconds = 600;

    public int getPauseSeconds() {
        return pauseSeconds;
    }

    public void setPauseSeconds(int pauseSeconds) {
        this.pauseSeconds = pauseSeconds;
    }

    public boolean isRackByRack() {
        return rackByRack;
    }

    public void setRackByRack(boolean rackByRack) {
        this.rackByRack = rackByRack;
    }

    public int getStalledAfterSeconds() {
        return stalledAfterSeconds;
    }

    public void setStalledAfterSeconds(int stalledAfterSeconds) {
        this.stalledAfterSeconds = stalledAfterSeconds;
    }
}
