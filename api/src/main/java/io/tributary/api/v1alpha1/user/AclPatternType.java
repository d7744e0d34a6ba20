package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an ACL's resource name matches. */
public enum AclPatternType {
    @JsonProperty("literal")
    LITERAL,
    @JsonProperty("prefixed")
    PREFIXED
}
