package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.api.v1alpha1.cluster.StorageSpec;
import io.tributary.api.v1alpha1.cluster.StorageType;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a spec against the cluster that runs: changes this operator cannot make safely are
 * refused, with the running cluster left as it is.
 */
public final class ClusterChangeValidator {
    private ClusterChangeValidator() {}

    /**
     * @param existing the pools' StatefulSets as they are, by pool name (absent pools are new)
     */
    public static List<Problem> refusals(List<NodePool> pools, Map<String, StatefulSet> existing) {
        List<Problem> problems = new ArrayList<>();
        for (NodePool pool : pools) {
            StatefulSet current = existing.get(pool.name());
            if (current == null) {
                continue;
            }
            int running = current.getSpec().getReplicas();
            String field =
                    pool.name().equals(NodePool.CONTROLLERS) ? "spec.controllers" : "spec.brokers";
            if (pool.isController() && pool.replicas() != running) {
                problems.add(
                        new Problem(
                                "ControllerScalingNotSupported",
                                "%s.replicas changes from %d to %d, which changes the KRaft quorum; this version of the operator cannot change the quorum's voters"
                                        .formatted(field, running, pool.replicas())));
            }
            storageChange(pool, current, field).ifPresent(problems::add);
        }
        return problems;
    }

    private static java.util.Optional<Problem> storageChange(
            NodePool pool, StatefulSet current, String field) {
        StorageSpec storage = pool.spec().getStorage();
        List<PersistentVolumeClaim> claims = current.getSpec().getVolumeClaimTemplates();
        boolean persistentNow = claims != null && !claims.isEmpty();
        if (persistentNow != (storage.getType() == StorageType.PERSISTENT)) {
            return java.util.Optional.of(
                    new Problem(
                            "StorageTypeChangeNotSupported",
                            "%s.storage.type cannot change: the nodes' data would be lost"
                                    .formatted(field)));
        }
        if (persistentNow) {
            Quantity size = claims.get(0).getSpec().getResources().getRequests().get("storage");
            if (size != null && !size.equals(new Quantity(storage.getSize()))) {
                return java.util.Optional.of(
                        new Problem(
                                "StorageResizeNotSupported",
                                "%s.storage.size changes from %s to %s; resizing volumes is not supported by this version of the operator"
                                        .formatted(field, size, storage.getSize())));
            }
        }
        return java.util.Optional.empty();
    }
}
