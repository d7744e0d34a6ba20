package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The authorizer a cluster runs. */
public enum AuthorizationType {
    @JsonProperty("none")
    NONE,
    @JsonProperty("simple")
    SIMPLE
}
