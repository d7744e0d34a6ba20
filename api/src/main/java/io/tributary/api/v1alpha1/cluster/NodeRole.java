package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A KRaft process role. */
public enum NodeRole {
    @JsonProperty("broker")
    BROKER,
    @JsonProperty("controller")
    CONTROLLER;

    /** The role as Kafka's process.roles writes it. */
    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
