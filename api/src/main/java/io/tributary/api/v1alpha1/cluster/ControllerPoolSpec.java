package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** The dedicated KRaft controller nodes (the metadata quorum's voters). */
@JsonPropertyOrder({"replicas", "storage", "resources", "jvmOptions"})
public class ControllerPoolSpec extends NodePoolSpec {
    @Required
    @Min(1)
    @Max(5)
    @ValidationRule(
            value = "self % 2 == 1",
            reason = "FieldValueInvalid",
            message =
                    "must be 1, 3 or 5: a quorum of an even size tolerates no more failures than"
                            + " one node fewer")
    @JsonPropertyDescription(
            "Number of KRaft controllers (voters): 1, 3 or 5. A quorum of 3 survives one lost"
                    + " controller, 5 survive two.")
    private int replicas;

    @Override
    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }
}
