package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of Kafka resource a user's ACLs can name. */
public enum AclResourceType {
    @JsonProperty("topic")
    TOPIC,
    @JsonProperty("group")
    GROUP,
    @JsonProperty("cluster")
    CLUSTER,
    @JsonProperty("transactionalId")
    TRANSACTIONAL_ID
}
