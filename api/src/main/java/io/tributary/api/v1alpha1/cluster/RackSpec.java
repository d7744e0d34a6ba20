package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Rack awareness: where each node's rack comes from. */
public class RackSpec {
    @Default("topology.kubernetes.io/zone")
    @Size(min = 1, max = 316)
    @Pattern("^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
    @JsonPropertyDescription(
            "Label of the Kubernetes node whose value becomes the broker's broker.rack, for"
                    + " example topology.kubernetes.io/zone.")
    private String topologyKey = "topology.kubernetes.io/zone";

    public String getTopologyKey() {
        return topologyKey;
    }

    public void setTopologyKey(String topologyKey) {
        this.topologyKey = topologyKey;
    }
}
