package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.tributary.operator.rebalance.PlanCodec;
import io.tributary.operator.rebalance.PlanTarget;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ConfigMap that keeps a rebalance's plan (each moving partition's target replicas, compressed)
 * while it runs, owned by the cluster, so that a restarted operator carries on with the same plan.
 */
public final class RebalancePlanConfigMap {
    static final String KEY = "plan.tsv.gz";

    private RebalancePlanConfigMap() {}

    public static ConfigMap build(ClusterModel model, List<PlanTarget> plan) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(model.names().rebalancePlan())
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.cluster(model.name()))
                .withOwnerReferences(DesiredClusterResources.ownerReference(model))
                .endMetadata()
                .withBinaryData(
                        Map.of(KEY, Base64.getEncoder().encodeToString(PlanCodec.encode(plan))))
                .build();
    }

    /** The plan a ConfigMap holds; empty when it holds none this class wrote. */
    public static Optional<List<PlanTarget>> read(ConfigMap configMap) {
        if (configMap == null
                || configMap.getBinaryData() == null
                || !configMap.getBinaryData().containsKey(KEY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    PlanCodec.decode(
                            Base64.getDecoder().decode(configMap.getBinaryData().get(KEY))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
