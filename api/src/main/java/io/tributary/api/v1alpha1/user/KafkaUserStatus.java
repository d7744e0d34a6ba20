package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tributary.api.v1alpha1.ResourceStatus;

/** The observed state of a Kafka user. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "conditions", "username", "secretName"})
public class KafkaUserStatus extends ResourceStatus {
    @JsonPropertyDescription("The user's name in Kafka (its principal is User:<username>).")
    private String username;

    @JsonPropertyDescription("The Secret that holds the user's credentials.")
    private String secretName;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }
}
