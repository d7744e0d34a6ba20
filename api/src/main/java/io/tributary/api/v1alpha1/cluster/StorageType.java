package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of volume a node pool keeps its data on. */
public enum StorageType {
    @JsonProperty("ephemeral")
    EPHEMERAL,
    @JsonProperty("persistent")
    PERSISTENT
}
