package io.tributary.api.v1alpha1.topic;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.tributary.api.v1alpha1.ApiGroup;

/** A Kafka topic, declared: its partitions, replication factor and configuration. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
// Named, not derived: fabric8 would otherwise run its regex pluralizer in every constructor,
// that is for every object an informer or a list deserializes.
@Plural("kafkatopics")
@Singular("kafkatopic")
@ShortNames("kt")
@AdditionalPrinterColumn(
        name = "Cluster",
        jsonPath = ".spec.clusterRef.name",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Topic",
        jsonPath = ".status.topicName",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Partitions",
        jsonPath = ".status.partitions",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Replication factor",
        jsonPath = ".status.replicationFactor",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Reason",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class KafkaTopic extends CustomResource<KafkaTopicSpec, KafkaTopicStatus>
        implements Namespaced {
    @Override
    @JsonPropertyDescription(
            "The desired topic: cluster, name, partitions, replication factor and configuration.")
    public KafkaTopicSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("The observed state of the topic in Kafka, written by the operator.")
    public KafkaTopicStatus getStatus() {
        return super.getStatus();
    }

    /** The Kafka topic name: {@code spec.topicName}, or {@code metadata.name} when absent. */
    public String topicName() {
        String declared = getSpec() == null ? null : getSpec().getTopicName();
        return declared != null ? declared : getMetadata().getName();
    }
}
