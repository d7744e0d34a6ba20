package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;

/** The ServiceAccount the cluster's pods run as; it needs no API access. */
public final class NodeServiceAccountBuilder {
    private NodeServiceAccountBuilder() {}

    public static ServiceAccount build(ClusterModel model) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(model.names().serviceAccount())
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.cluster(model.name()))
                .endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();
    }
}
