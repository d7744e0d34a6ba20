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
}
