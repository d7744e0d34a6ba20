package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** One Kafka node: its id, pod, roles, readiness and rack. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeStatus {
    @JsonPropertyDescription("Kafka node id.")
    private int id;

    @JsonPropertyDescription("Name of the pod that runs the node.")
    private String pod;

    @JsonPropertyDescription("KRaft process roles of the node: broker, controller or both.")
    private List<NodeRole> roles = new ArrayList<>();

    @JsonPropertyDescription("Whether the node's pod is ready.")
    private boolean ready;

    @JsonPropertyDescription("The node's broker.rack, when rack awareness is on.")
    private String rack;

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    public String getPod() {
        return pod;
    }

    public void setPod(String pod) {
        this.pod = pod;
    }

    public List<NodeRole> getRoles() {
        return roles;
    }

    public void setRoles(List<NodeRole> roles) {
        this.roles = roles;
    }

    public boolean isReady() {
        return ready;
    }

    public void setReady(boolean ready) {
        this.ready = ready;
    }

    public String getRack() {
        return rack;
    }

    public void setRack(String rack) {
        this.rack = rack;
    }
}
