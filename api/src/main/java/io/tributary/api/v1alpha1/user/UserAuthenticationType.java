package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The credential a Kafka user authenticates with. */
public enum UserAuthenticationType {
    @JsonProperty("scram-sha-512")
    SCRAM_SHA_512,
    @JsonProperty("tls")
    TLS
}
