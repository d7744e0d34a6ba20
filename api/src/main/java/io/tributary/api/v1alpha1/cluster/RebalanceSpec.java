package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** How the operator moves partitions between brokers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RebalanceSpec {
    @Default("true")
    @JsonPropertyDescription(
            "Move partitions onto brokers that were added. Brokers being removed are always"
                    + " drained first, whatever this says.")
    private boolean auto = true;

    @Min(1024)
    @JsonPropertyDescription(
            "Replication throttle, in bytes per second per broker, while partitions move. No"
                    + " throttle when absent.")
    private Long throttleBytesPerSecond;

    @Default("10")
    @Min(1)
    @io.fabric8.generator.annotation.Max(1000)
    @JsonPropertyDescription(
            "Partitions moving at a time during a rebalance: each batch of reassignments finishes"
                    + " before the next starts.")
    private int batchSize = 10;

    public boolean isAuto() {
        return auto;
    }

    public void setAuto(boolean auto) {
        this.auto = auto;
    }

    public Long getThrottleBytesPerSecond() {
        return throttleBytesPerSecond;
    }

    public void setThrottleBytesPerSecond(Long throttleBytesPerSecond) {
        this.throttleBytesPerSecond = throttleBytesPerSecond;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
