package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/**
 * A PodDisruptionBudget per pool allowing one pod down at a time, so that a node drain never takes
 * two brokers or two controllers at once.
 */
public final class PoolDisruptionBudgetBuilder {
    private PoolDisruptionBudgetBuilder() {}

    public static PodDisruptionBudget build(ClusterModel model, NodePool pool) {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName(model.names().podDisruptionBudget(pool))
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.pool(model.name(), pool))
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector()
                .withMatchLabels(ClusterLabels.poolSelector(model.name(), pool))
                .endSelector()
                .endSpec()
                .build();
    }
}
