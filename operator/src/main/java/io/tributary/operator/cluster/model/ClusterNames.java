package io.tributary.operator.cluster.model;

/**
 * The names of a cluster's Kubernetes resources and the DNS names of its pods. One place, so that
 * builders, the reconciler and the status agree.
 */
public record ClusterNames(String cluster, String namespace, String clusterDomain) {

    /** The StatefulSet (and headless Service, and ConfigMap) of a pool. */
    public String pool(NodePool pool) {
        return pool(pool.name());
    }

    public String pool(String poolName) {
        return cluster + "-" + poolName;
    }

    /** The pod of a pool with the given ordinal. */
    public String pod(NodePool pool, int ordinal) {
        return pool(pool) + "-" + ordinal;
    }

    /** The ConfigMap holding a pool's server.properties template. */
    public String configMap(NodePool pool) {
        return pool(pool) + "-config";
    }

    /** The bootstrap Service of a listener. */
    public String bootstrapService(String listener) {
        return cluster + "-" + listener + "-bootstrap";
    }

    /** The ConfigMap holding the plan of the rebalance under way. */
    public String rebalancePlan() {
        return cluster + "-rebalance-plan";
    }

    public String serviceAccount() {
        return cluster + "-kafka";
    }

    public String podDisruptionBudget(NodePool pool) {
        return pool(pool);
    }

    /** {@code <pod>.<headless service>.<namespace>.svc.<domain>}: a pod's stable DNS name. */
    public String podFqdn(NodePool pool, int ordinal) {
        return pod(pool, ordinal) + "." + pool(pool) + "." + namespace + ".svc." + clusterDomain;
    }

    /** {@code <service>.<namespace>.svc}: the address of a Service inside the cluster. */
    public String serviceHost(String service) {
        return service + "." + namespace + ".svc";
    }
}
