package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an ACL allows or denies its operations. */
public enum AclPermission {
    @JsonProperty("allow")
    ALLOW,
    @JsonProperty("deny")
    DENY
}
