package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How clients of a listener authenticate. */
public enum ListenerAuthentication {
    @JsonProperty("none")
    NONE,
    @JsonProperty("scram-sha-512")
    SCRAM_SHA_512,
    @JsonProperty("tls")
    TLS
}
