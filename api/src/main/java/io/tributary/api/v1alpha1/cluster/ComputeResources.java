package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU and memory requests and limits of a node's container. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ComputeResources {
    @JsonPropertyDescription(
            "Resources the node is guaranteed, by name (cpu, memory), as Kubernetes quantities.")
    private Map<String, Quantity> requests = new LinkedHashMap<>();

    @JsonPropertyDescription(
            "Most resources the node may use, by name (cpu, memory), as Kubernetes quantities."
                    + " The memory limit sizes the JVM heap unless jvmOptions.heap is set.")
    private Map<String, Quantity> limits = new LinkedHashMap<>();

    public Map<String, Quantity> getRequests() {
        return requests;
    }

    public void setRequests(Map<String, Quantity> requests) {
        this.requests = requests;
    }

    public Map<String, Quantity> getLimits() {
        return limits;
    }

    public void setLimits(Map<String, Quantity> limits) {
        this.limits = limits;
    }

    /** These resources as a container's {@code resources}. */
    public ResourceRequirements toResourceRequirements() {
        return new ResourceRequirementsBuilder()
                .withRequests(new LinkedHashMap<>(requests))
                .withLimits(new LinkedHashMap<>(limits))
                .build();
    }
}
