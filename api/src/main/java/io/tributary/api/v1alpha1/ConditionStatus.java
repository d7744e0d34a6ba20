package io.tributary.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of a {@link Condition}: {@code True}, {@code False} or {@code Unknown}. */
public enum ConditionStatus {
    @JsonProperty("True")
    TRUE,
    @JsonProperty("False")
    FALSE,
    @JsonProperty("Unknown")
    UNKNOWN;

    public static ConditionStatus of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
