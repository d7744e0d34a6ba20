package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** What every node pool has besides its size: storage, compute resources and JVM options. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class NodePoolSpec {
    @Required
    @JsonPropertyDescription("Where each node keeps its log and metadata directories.")
    private StorageSpec storage;

    @JsonPropertyDescription(
            "CPU and memory requests and limits of each node's container (core/v1"
                    + " ResourceRequirements).")
    private ComputeResources resources;

    @JsonPropertyDescription(
            "JVM settings of each node; the heap defaults to half the memory limit.")
    private JvmOptions jvmOptions;

    public abstract int getReplicas();

    public StorageSpec getStorage() {
        return storage;
    }

    public void setStorage(StorageSpec storage) {
        this.storage = storage;
    }

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }

    public JvmOptions getJvmOptions() {
        return jvmOptions;
    }

    public void setJvmOptions(JvmOptions jvmOptions) {
        this.jvmOptions = jvmOptions;
    }
}
