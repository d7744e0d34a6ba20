package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Client quotas of a user, enforced by every broker. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserQuotas {
    @Min(0)
    @JsonPropertyDescription("Bytes per second the user's producers may send, per broker.")
    private Long producerByteRate;

    @Min(0)
    @JsonPropertyDescription("Bytes per second the user's consumers may fetch, per broker.")
    private Long consumerByteRate;

    @Min(0)
    @JsonPropertyDescription(
            "Share of a broker's request-handler and network threads the user may use, in"
                    + " percent of one thread (so it can exceed 100).")
    private Double requestPercentage;

    @Min(0)
    @JsonPropertyDescription(
            "Partition mutations (create, add, delete) per second the user may request.")
    private Double controllerMutationRate;

    public Long getProducerByteRate() {
        return producerByteRate;
    }

    public void setProducerByteRate(Long producerByteRate) {
        this.producerByteRate = producerByteRate;
    }

    public Long getConsumerByteRate() {
        return consumerByteRate;
    }

    public void setConsumerByteRate(Long consumerByteRate) {
        this.consumerByteRate = consumerByteRate;
    }

    public Double getRequestPercentage() {
        return requestPercentage;
    }

    public void setRequestPercentage(Double requestPercentage) {
        this.requestPercentage = requestPercentage;
    }

    public Double getControllerMutationRate() {
        return controllerMutationRate;
    }

    public void setControllerMutationRate(Double controllerMutationRate) {
        this.controllerMutationRate = controllerMutationRate;
    }
}
