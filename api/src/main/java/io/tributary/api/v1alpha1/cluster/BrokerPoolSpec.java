package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The broker nodes; in combined mode they are the controllers as well. */
@JsonPropertyOrder({"replicas", "storage", "resources", "jvmOptions"})
public class BrokerPoolSpec extends NodePoolSpec {
    @Required
    @Min(1)
    @Max(100)
    @JsonPropertyDescription(
            "Number of broker nodes. Adding brokers moves partitions onto them (see rebalance);"
                    + " removing brokers first moves their partitions away.")
    private int replicas;

    @Override
    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }
}
