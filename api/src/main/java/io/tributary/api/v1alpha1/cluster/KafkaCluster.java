package io.tributary.api.v1alpha1.cluster;

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

/** A Kafka cluster in KRaft mode: its node pools, listeners, replication settings and security. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
// Named, not derived: fabric8 would otherwise run its regex pluralizer in every constructor,
// that is for every object an informer or a list deserializes.
@Plural("kafkaclusters")
@Singular("kafkacluster")
@ShortNames("kc")
@AdditionalPrinterColumn(
        name = "Ready",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Brokers",
        jsonPath = ".status.brokersReady",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Kafka",
        jsonPath = ".status.kafkaVersion",
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
public class KafkaCluster extends CustomResource<KafkaClusterSpec, KafkaClusterStatus>
        implements Namespaced {
    @Override
    @JsonPropertyDescription(
            "The desired Kafka cluster: version, node pools, listeners, replication and security.")
    public KafkaClusterSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("The observed state of the cluster, written by the operator.")
    public KafkaClusterStatus getStatus() {
        return super.getStatus();
    }
}
