package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's nodes and its scheduler: three nodes in three zones, all run by the one kubelet. A
 * pod goes to a node its {@code nodeSelector} allows, spread by its ordinal; on binding it gets the
 * node's zone and region labels, as Kubernetes' PodTopologyLabels admission (1.35+) gives them, so
 * a broker can read its rack through the downward API.
 */
public final class SandboxNodes {
    public static final String ZONE = "topology.kubernetes.io/zone";
    public static final String REGION = "topology.kubernetes.io/region";
    public static final List<String> NAMES = List.of("sandbox-a", "sandbox-b", "sandbox-c");
    static final String HOST_IP = "127.0.0.1";

    private final KubernetesClient client;

    public SandboxNodes(KubernetesClient client) {
        this.client = client;
        for (String name : NAMES) {
            if (client.nodes().withName(name).get() == null) {
                client.nodes().resource(node(name)).create();
            }
        }
    }

    public static boolean isSandboxNode(String name) {
        return NAMES.contains(name);
    }

    /** The node a pod should run on, or empty when no node satisfies its node selector. */
    public Optional<Node> choose(Pod pod) {
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        List<Node> candidates =
                NAMES.stream()
                        .map(name -> client.nodes().withName(name).get())
                        .filter(node -> node != null && matches(node, selector))
                        .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                candidates.get(
                        Math.floorMod(spreadKey(pod.getMetadata().getName()), candidates.size())));
    }

    /** The labels a pod takes from its node on binding. */
    public static Map<String, String> topologyLabels(Node node) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of(ZONE, REGION)) {
            String value = node.getMetadata().getLabels().get(key);
            if (value != null) {
                labels.put(key, value);
            }
        }
        return labels;
    }

    private static boolean matches(Node node, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return true;
        }
        Map<String, String> labels = node.getMetadata().getLabels();
        return selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** A StatefulSet pod's ordinal, so that consecutive ordinals land in different zones. */
    private static int spreadKey(String podName) {
        int dash = podName.lastIndexOf('-');
        if (dash >= 0) {
            try {
                return Integer.parseInt(podName.substring(dash + 1));
            } catch (NumberFormatException e) {
                // not a StatefulSet pod
            }
        }
        return podName.hashCode();
    }

    private static Node node(String name) {
        String zone = "zone-" + name.substring(name.lastIndexOf('-') + 1);
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(
                        Map.of(
                                "kubernetes.io/hostname",
                                name,
                                "kubernetes.io/os",
                                "linux",
                                ZONE,
                                zone,
                                REGION,
                                "sandbox"))
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .endCondition()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress(HOST_IP)
                .endAddress()
                .addNewAddress()
                .withType("Hostname")
                .withAddress(name)
                .endAddress()
                .withCapacity(
                        Map.of(
                                "cpu",
                                        new Quantity(
                                                Integer.toString(
                                                        Runtime.getRuntime()
                                                                .availableProcessors())),
                                "pods", new Quantity("110")))
                .endStatus()
                .build();
    }
}
