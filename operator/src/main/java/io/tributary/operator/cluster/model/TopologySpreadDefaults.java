package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.List;
import java.util.Map;

/**
 * Completes users' topology spread constraints: one without a label selector would match no pod, so
 * it gets the pool's selector, spreading the pool's own pods.
 */
final class TopologySpreadDefaults {
    private TopologySpreadDefaults() {}

    static List<TopologySpreadConstraint> withPoolSelector(
            List<TopologySpreadConstraint> constraints, Map<String, String> poolSelector) {
        return constraints.stream()
                .map(
                        c ->
                                c.getLabelSelector() != null
                                        ? c
                                        : new TopologySpreadConstraintBuilder(c)
                                                .withLabelSelector(
                                                        new LabelSelectorBuilder()
                                                                .withMatchLabels(poolSelector)
                                                                .build())
                                                .build())
                .toList();
    }
}
