package io.tributary.api.v1alpha1.user;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.tributary.api.v1alpha1.ApiGroup;

/** A Kafka user: its credentials, ACLs and quotas. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
// Named, not derived: fabric8 would otherwise run its regex pluralizer in every constructor,
// that is for every object an informer or a list deserializes.
@Plural("kafkausers")
@Singular("kafkauser")
@ShortNames("ku")
@AdditionalPrinterColumn(
        name = "Cluster",
        jsonPath = ".spec.clusterRef.name",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Authentication",
        jsonPath = ".spec.authentication.type",
        type = AdditionalPrinterColumn.Type.STRING)
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
public class KafkaUser extends CustomResource<KafkaUserSpec, KafkaUserStatus>
        implements Namespaced {
    @Override
    @Required
    @JsonPropertyDescription("The desired user: cluster, authentication, ACLs and quotas.")
    public KafkaUserSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("The observed state of the user, written by the operator.")
    public KafkaUserStatus getStatus() {
        return super.getStatus();
    }
}
