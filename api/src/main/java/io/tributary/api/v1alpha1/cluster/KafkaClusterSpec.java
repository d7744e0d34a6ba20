package io.tributary.api.v1alpha1.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The desired state of a KafkaCluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "kafkaVersion",
    "image",
    "metadataVersion",
    "controllers",
    "brokers",
    "replication",
    "listeners",
    "authorization",
    "certificates",
    "config",
    "rack",
    "podTemplate",
    "rebalance",
    "rollout"
})
@ValidationRule(
        value = "has(self.controllers) || self.brokers.replicas in [1, 3, 5]",
        fieldPath = ".brokers.replicas",
        reason = "FieldValueInvalid",
        message =
                "must be 1, 3 or 5 in combined mode, where every node is also a KRaft voter; add"
                        + " spec.controllers to run another number of brokers")
@ValidationRule(
        value =
                "!has(self.replication) || !has(self.replication.defaultReplicationFactor)"
                        + " || self.replication.defaultReplicationFactor <= self.brokers.replicas",
        fieldPath = ".replication.defaultReplicationFactor",
        reason = "FieldValueInvalid",
        message = "must not exceed spec.brokers.replicas: each replica needs its own broker")
@ValidationRule(
        value = "has(self.controllers) == has(oldSelf.controllers)",
        fieldPath = ".controllers",
        reason = "FieldValueForbidden",
        message =
                "cannot be added or removed: a cluster cannot move between combined and"
                        + " dedicated-controller mode")
public class KafkaClusterSpec {
    @Default("4.4.0")
    @JsonPropertyDescription(
            "Kafka version the nodes run (one of the versions this operator supports). Changing"
                    + " it rolls the nodes onto the new version; metadata.version is finalised"
                    + " once every node runs it.")
    private KafkaVersion kafkaVersion = KafkaVersion.DEFAULT;

    @Size(min = 1, max = 512)
    @JsonPropertyDescription(
            "Broker container image, overriding the one the operator picks for kafkaVersion. The"
                    + " image must run the Tributary broker launcher of that Kafka version.")
    private String image;

    @Pattern("^[0-9]+\\.[0-9]+-IV[0-9]+$")
    @JsonPropertyDescription(
            "KRaft metadata.version to finalise after an upgrade, for example 4.3-IV0. When"
                    + " absent, the latest version that kafkaVersion supports is used.")
    private String metadataVersion;

    @JsonPropertyDescription(
            "Dedicated KRaft controller nodes. When absent the cluster runs in combined mode:"
                    + " every broker node is also a KRaft voter. Cannot be added or removed later.")
    private ControllerPoolSpec controllers;

    @Required
    @JsonPropertyDescription(
            "The broker nodes (in combined mode, the nodes that are both brokers and"
                    + " controllers).")
    private BrokerPoolSpec brokers;

    @Default("{}")
    @JsonPropertyDescription(
            "Replication defaults for new topics and the internal topics (consumer offsets,"
                    + " transactions).")
    private ReplicationSpec replication = new ReplicationSpec();

    @Required
    @Size(min = 1, max = 8)
    @ValidationRule(
            value = "self.all(l, self.exists_one(m, m.name == l.name))",
            reason = "FieldValueInvalid",
            message = "listener names must be unique")
    @ValidationRule(
            value = "self.all(l, self.exists_one(m, m.port == l.port))",
            reason = "FieldValueInvalid",
            message = "listener ports must be unique")
    @JsonPropertyDescription(
            "Listeners that clients connect to, each with a bootstrap Service. At least one;"
                    + " names and ports unique.")
    private List<ListenerSpec> listeners = new ArrayList<>();

    @JsonPropertyDescription("Authorization of client requests (ACLs).")
    private AuthorizationSpec authorization;

    @JsonPropertyDescription(
            "Validity and renewal of the certificates the operator issues for TLS listeners, the"
                    + " nodes' own traffic and TLS users, and optionally your own certificate"
                    + " authorities. Used when a listener has TLS or authentication, or"
                    + " authorization is simple.")
    private CertificatesSpec certificates;

    @Size(max = 200)
    @ValidationRule(
            value = "!" + BrokerConfigKeys.OPERATOR_OWNED + ".exists(k, k in self)",
            reason = "FieldValueForbidden",
            messageExpression =
                    "'must not set keys that the operator manages: ' + "
                            + BrokerConfigKeys.OPERATOR_OWNED
                            + ".filter(k, k in self).join(', ')")
    @ValidationRule(
            value = "!" + BrokerConfigKeys.REPLICATION + ".exists(k, k in self)",
            reason = "FieldValueForbidden",
            messageExpression =
                    "'must not set ' + "
                            + BrokerConfigKeys.REPLICATION
                            + ".filter(k, k in self).join(', ') + ': set spec.replication"
                            + " instead'")
    @ValidationRule(
            value = "self.all(k, !k.startsWith('listener.name.'))",
            reason = "FieldValueForbidden",
            message =
                    "must not set per-listener keys (listener.name.*): the operator configures"
                            + " listeners from spec.listeners")
    @JsonPropertyDescription(
            "Broker configuration (server.properties keys and string values), for example"
                    + " log.retention.hours. Keys the operator manages (node identity,"
                    + " listeners, quorum, storage, security, replication) are rejected. Changes"
                    + " that Kafka can apply at run time are applied without a restart.")
    private Map<String, String> config = new LinkedHashMap<>();

    @JsonPropertyDescription(
            "Rack awareness: each node's broker.rack is read from a label of the Kubernetes node"
                    + " it runs on, and replicas are spread across racks.")
    private RackSpec rack;

    @JsonPropertyDescription("Labels, annotations and scheduling for the node pods.")
    private PodTemplateSpec podTemplate;

    @Default("{}")
    @JsonPropertyDescription("How partitions are moved when brokers are added or removed.")
    private RebalanceSpec rebalance = new RebalanceSpec();

    @Default("{}")
    @JsonPropertyDescription("How rolling restarts are paced.")
    private RolloutSpec rollout = new RolloutSpec();

    public KafkaVersion getKafkaVersion() {
        return kafkaVersion;
    }

    public void setKafkaVersion(KafkaVersion kafkaVersion) {
        this.kafkaVersion = kafkaVersion;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getMetadataVersion() {
        return metadataVersion;
    }

    public void setMetadataVersion(String metadataVersion) {
        this.metadataVersion = metadataVersion;
    }

    public ControllerPoolSpec getControllers() {
        return controllers;
    }

    public void setControllers(ControllerPoolSpec controllers) {
        this.controllers = controllers;
    }

    public BrokerPoolSpec getBrokers() {
        return brokers;
    }

    public void setBrokers(BrokerPoolSpec brokers) {
        this.brokers = brokers;
    }

    public ReplicationSpec getReplication() {
        return replication;
    }

    public void setReplication(ReplicationSpec replication) {
        this.replication = replication;
    }

    public List<ListenerSpec> getListeners() {
        return listeners;
    }

    public void setListeners(List<ListenerSpec> listeners) {
        this.listeners = listeners;
    }

    public AuthorizationSpec getAuthorization() {
        return authorization;
    }

    public void setAuthorization(AuthorizationSpec authorization) {
        this.authorization = authorization;
    }

    public CertificatesSpec getCertificates() {
        return certificates;
    }

    public void setCertificates(CertificatesSpec certificates) {
        this.certificates = certificates;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public RackSpec getRack() {
        return rack;
    }

    public void setRack(RackSpec rack) {
        this.rack = rack;
    }

    public PodTemplateSpec getPodTemplate() {
        return podTemplate;
    }

    public void setPodTemplate(PodTemplateSpec podTemplate) {
        this.podTemplate = podTemplate;
    }

    public RebalanceSpec getRebalance() {
        return rebalance;
    }

    public void setRebalance(RebalanceSpec rebalance) {
        this.rebalance = rebalance;
    }

    public RolloutSpec getRollout() {
        return rollout;
    }

    public void setRollout(RolloutSpec rollout) {
        this.rollout = rollout;
    }
}
