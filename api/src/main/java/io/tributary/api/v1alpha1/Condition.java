package io.tributary.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/**
 * A status condition in the Kubernetes convention, shared by every Tributary resource.
 *
 * <p>Conditions are set through {@link ResourceStatus#setCondition}, the one place that keeps
 * {@code lastTransitionTime} unless the status changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "type",
    "status",
    "reason",
    "message",
    "lastTransitionTime",
    "observedGeneration"
})
public class Condition {
    /** Ready: the resource is as its current generation asks. */
    public static final String READY = "Ready";

    /** Reconciling: the operator is working towards the current generation. */
    public static final String RECONCILING = "Reconciling";

    /** Stalled: the operator cannot make progress without a change from a person. */
    public static final String STALLED = "Stalled";

    @Required
    @JsonPropertyDescription("Type of the condition: Ready, Reconciling, Stalled, and others.")
    private String type;

    @Required
    @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
    private ConditionStatus status;

    @JsonPropertyDescription(
            "Machine-readable reason for the condition's last transition, in CamelCase.")
    private String reason;

    @JsonPropertyDescription("Human-readable explanation of the condition.")
    private String message;

    @JsonPropertyDescription(
            "Time (RFC 3339) at which the condition's status last changed; unchanged while the"
                    + " status stays the same.")
    private String lastTransitionTime;

    @JsonPropertyDescription("The metadata.generation of the resource this condition describes.")
    private Long observedGeneration;

    public Condition() {}

    public Condition(
            String type,
            ConditionStatus status,
            String reason,
            String message,
            Long observedGeneration) {
        this.type = shared(type);
        this.status = status;
        this.reason = shared(reason);
        this.message = shared(message);
        this.observedGeneration = observedGeneration;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = shared(type);
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public void setStatus(ConditionStatus status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = shared(reason);
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = shared(message);
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = shared(lastTransitionTime);
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    /**
     * One copy of each text: thousands of resources carry the same few types, reasons, messages and
     * transition times, and an operator's caches hold every one of those resources.
     */
    private static String shared(String text) {
        return text == null ? null : text.intern();
    }
}
