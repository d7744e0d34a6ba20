package io.tributary.operator.cluster.model;

import io.tributary.api.v1alpha1.ApiGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels Tributary puts on what it creates, and the selectors built from them. */
public final class ClusterLabels {
    public static final String CLUSTER = ApiGroup.GROUP + "/cluster";
    public static final String POOL = ApiGroup.GROUP + "/pool";
    public static final String BROKER = ApiGroup.GROUP + "/broker";
    public static final String CONTROLLER = ApiGroup.GROUP + "/controller";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "tributary";

    private ClusterLabels() {}

    /** Labels of every resource of the cluster. */
    public static Map<String, String> cluster(String cluster) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "kafka");
        labels.put(INSTANCE, cluster);
        labels.put(MANAGED_BY, MANAGER);
        labels.put(CLUSTER, cluster);
        return labels;
    }

    /** Labels of a pool's resources and pods, with its roles. */
    public static Map<String, String> pool(String cluster, NodePool pool) {
        Map<String, String> labels = cluster(cluster);
        labels.put(COMPONENT, pool.name());
        labels.put(POOL, pool.name());
        labels.put(BROKER, Boolean.toString(pool.isBroker()));
        labels.put(CONTROLLER, Boolean.toString(pool.isController()));
        return labels;
    }

    /** Selects the pods of one pool. */
    public static Map<String, String> poolSelector(String cluster, NodePool pool) {
        return Map.of(CLUSTER, cluster, POOL, pool.name());
    }

    /** Selects every pod of the cluster that runs a broker. */
    public static Map<String, String> brokerSelector(String cluster) {
        return Map.of(CLUSTER, cluster, BROKER, "true");
    }

    /** Selects every pod of the cluster. */
    public static Map<String, String> clusterSelector(String cluster) {
        return Map.of(CLUSTER, cluster);
    }
}
