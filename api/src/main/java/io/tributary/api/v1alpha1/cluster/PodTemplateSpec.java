package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What users may add to the node pods: metadata and scheduling. The Kubernetes types are kept as
 * the API server defines them (see {@code kubectl explain pod.spec.affinity}); the StatefulSet the
 * operator writes is validated by the API server.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PodTemplateSpec {
    @Size(max = 64)
    @JsonPropertyDescription(
            "Labels added to the node pods. Labels the operator sets itself take precedence.")
    private Map<String, String> labels = new LinkedHashMap<>();

    @Size(max = 64)
    @JsonPropertyDescription("Annotations added to the node pods.")
    private Map<String, String> annotations = new LinkedHashMap<>();

    @PreserveUnknownFields
    @SchemaFrom(type = KubernetesObject.class)
    @JsonPropertyDescription(
            "Affinity of the node pods (core/v1 Affinity; see kubectl explain"
                    + " pod.spec.affinity).")
    private Affinity affinity;

    @SchemaFrom(type = KubernetesObject[].class)
    @JsonPropertyDescription(
            "Tolerations of the node pods (core/v1 Toleration; see kubectl explain"
                    + " pod.spec.tolerations).")
    private List<Toleration> tolerations = new ArrayList<>();

    @Size(max = 64)
    @JsonPropertyDescription("Node labels that a Kubernetes node must have to run the node pods.")
    private Map<String, String> nodeSelector = new LinkedHashMap<>();

    @SchemaFrom(type = KubernetesObject[].class)
    @JsonPropertyDescription(
            "Topology spread constraints of the node pods (core/v1 TopologySpreadConstraint;"
                    + " see kubectl explain pod.spec.topologySpreadConstraints). The operator"
                    + " adds the pods' labels as the selector when it is absent.")
    private List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();

    @Size(min = 1, max = 253)
    @JsonPropertyDescription("PriorityClass of the node pods.")
    private String priorityClassName;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(
            List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }
}
