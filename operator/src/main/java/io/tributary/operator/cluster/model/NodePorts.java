package io.tributary.operator.cluster.model;

/**
 * The ports every node uses for itself (users may not take them for listeners; the CRD rejects
 * them).
 */
public final class NodePorts {
    /** The broker launcher's health endpoint: /healthz and /readyz. */
    public static final int HEALTH = 8080;

    /** The KRaft controller listener. */
    public static final int CONTROLLER = 9090;

    /** The inter-broker replication listener. */
    public static final int REPLICATION = 9091;

    /** The Prometheus metrics exporter. */
    public static final int METRICS = 9404;

    private NodePorts() {}
}
