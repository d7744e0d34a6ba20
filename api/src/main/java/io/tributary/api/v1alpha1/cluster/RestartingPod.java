package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A pod the operator deleted to restart it, and the uid it had. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestartingPod {
    @JsonPropertyDescription("The pod's name.")
    private String pod;

    @JsonPropertyDescription("The uid of the deleted pod; its replacement has another.")
    private String uid;

    public RestartingPod() {}

    public RestartingPod(String pod, String uid) {
        this.pod = pod;
        this.uid = uid;
    }

    public String getPod() {
        return pod;
    }

    public void setPod(String pod) {
        this.pod = pod;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }
}
