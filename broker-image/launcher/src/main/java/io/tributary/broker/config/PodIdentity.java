package io.tributary.broker.config;

import io.tributary.broker.LauncherException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who this pod is in the cluster, computed from its StatefulSet name: the ordinal, the Kafka node
 * id and the DNS name its headless Service gives it.
 *
 * @param ordinal the numeric suffix of the pod name, after its last {@code -}
 * @param nodeId the node id base plus the ordinal
 * @param fqdn {@code <pod>.<headless service>.<namespace>.svc.<cluster domain>}
 */
public record PodIdentity(int ordinal, int nodeId, String fqdn) {

    public static final String NODE_ID_PLACEHOLDER = "TRIBUTARY_NODE_ID";
    public static final String POD_FQDN_PLACEHOLDER = "TRIBUTARY_POD_FQDN";
    public static final String RACK_PLACEHOLDER = "TRIBUTARY_RACK";

    public static PodIdentity of(
            String podName,
            String namespace,
            String headlessService,
            String clusterDomain,
            int nodeIdBase) {
        int ordinal = ordinalOf(podName);
        long nodeId = (long) nodeIdBase + ordinal;
        if (nodeId > Integer.MAX_VALUE) {
            throw new LauncherException(
                    "Node id base " + nodeIdBase + " plus ordinal " + ordinal + " overflows");
        }
        String fqdn = podName + "." + headlessService + "." + namespace + ".svc." + clusterDomain;
        return new PodIdentity(ordinal, (int) nodeId, fqdn);
    }

    /** The values this identity contributes to the template, which win over the environment. */
    public Map<String, String> placeholders(Optional<String> rack) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NODE_ID_PLACEHOLDER, Integer.toString(nodeId));
        values.put(POD_FQDN_PLACEHOLDER, fqdn);
        rack.ifPresent(r -> values.put(RACK_PLACEHOLDER, r));
        return values;
    }

    static int ordinalOf(String podName) {
        int dash = podName.lastIndexOf('-');
        String suffix = dash < 0 ? "" : podName.substring(dash + 1);
        if (dash <= 0 || !suffix.matches("[0-9]{1,9}")) {
            throw new LauncherException(
                    "POD_NAME '"
                            + podName
                            + "' does not end in -<ordinal> like a StatefulSet pod"
                            + " (for example my-cluster-brokers-2)");
        }
        return Integer.parseInt(suffix);
    }
}
