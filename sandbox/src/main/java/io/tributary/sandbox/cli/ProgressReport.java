package io.tributary.sandbox.cli;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.sandbox.Sandbox;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints how the applied KafkaClusters come up — each change of their Ready condition — and, once
 * they are ready, how to reach them with kubectl and with Kafka clients.
 */
final class ProgressReport {
    private final KubernetesClient client;
    private final Sandbox sandbox;
    private final String namespace;
    private final PrintStream out;

    ProgressReport(KubernetesClient client, Sandbox sandbox, String namespace, PrintStream out) {
        this.client = client;
        this.sandbox = sandbox;
        this.namespace = namespace;
        this.out = out;
    }

    void followUntilReady(List<HasMetadata> applied) throws InterruptedException {
        List<String> clusters =
                applied.stream()
                        .filter(r -> "KafkaCluster".equals(r.getKind()))
                        .map(r -> r.getMetadata().getName())
                        .toList();
        Instant start = Instant.now();
        String last = "";
        while (!clusters.isEmpty()) {
            StringBuilder line = new StringBuilder();
            boolean allReady = true;
            for (String name : clusters) {
                GenericKubernetesResource cluster =
                        client.genericKubernetesResources(
                                        "kafka.tributary.io/v1alpha1", "KafkaCluster")
                                .inNamespace(namespace)
                                .withName(name)
                                .get();
                Map<String, Object> ready = readyCondition(cluster);
                boolean isReady = ready != null && "True".equals(ready.get("status"));
                allReady &= isReady;
                line.append(name)
                        .append(": ")
                        .append(
                                ready == null
                                        ? "waiting for the operator"
                                        : ready.get("reason") + " - " + ready.get("message"))
                        .append("  ");
            }
            if (!line.toString().equals(last)) {
                out.printf(
                        "[%3ds] %s%n",
                        Duration.between(start, Instant.now()).toSeconds(), line.toString().trim());
                last = line.toString();
            }
            if (allReady) {
                break;
            }
            Thread.sleep(1000);
        }
        printHowToReach(clusters);
    }

    private void printHowToReach(List<String> clusters) {
        java.nio.file.Path kubeconfig = sandbox.kubeconfig();
        out.println();
        out.println("The sandbox is running. Ctrl-C stops it and everything it started.");
        out.println();
        out.println("kubectl:");
        out.println("  export KUBECONFIG=" + kubeconfig);
        out.println("  kubectl get kafkaclusters,pods,statefulsets,services");
        out.println("  kubectl describe kc " + (clusters.isEmpty() ? "<name>" : clusters.get(0)));
        out.println("  kubectl apply -f examples/kafka-topic.yaml && kubectl get kt");
        for (String name : clusters) {
            GenericKubernetesResource cluster =
                    client.genericKubernetesResources("kafka.tributary.io/v1alpha1", "KafkaCluster")
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
            Object status =
                    cluster == null ? null : cluster.getAdditionalProperties().get("status");
            if (status instanceof Map<?, ?> map
                    && map.get("listeners") instanceof List<?> listeners) {
                for (Object listener : listeners) {
                    if (listener instanceof Map<?, ?> l) {
                        out.println();
                        out.println(
                                "Kafka clients (" + name + ", listener " + l.get("name") + "):");
                        Object bootstrap = l.get("bootstrapServers");
                        out.println("  bootstrap.servers=" + bootstrap);
                        out.println(
                                "  ./sandbox/kafka console-producer --bootstrap-server "
                                        + bootstrap
                                        + " --topic demo");
                        out.println(
                                "  ./sandbox/kafka console-consumer --bootstrap-server "
                                        + bootstrap
                                        + " --topic demo --from-beginning");
                        if (secured(cluster, l.get("name"))) {
                            out.println(
                                    "  TLS or authentication: give the tools a client properties"
                                            + " file (--producer.config, --consumer.config) as in"
                                            + " docs/security.md, with the CA from Secret "
                                            + name
                                            + "-cluster-ca-cert (ca.crt) and a KafkaUser's"
                                            + " credentials from the Secret named after it");
                        }
                        out.println(
                                "  Names resolve through the sandbox's hosts file; start other"
                                        + " Java clients with");
                        out.println("  -Djdk.net.hosts.file=" + sandbox.hostsFile());
                    }
                }
            }
        }
        out.println();
    }

    /** Whether the cluster's spec gives the listener TLS or authentication. */
    private static boolean secured(GenericKubernetesResource cluster, Object listener) {
        if (!(cluster.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("listeners") instanceof List<?> listeners)) {
            return false;
        }
        for (Object candidate : listeners) {
            if (candidate instanceof Map<?, ?> l
                    && String.valueOf(l.get("name")).equals(listener)) {
                return Boolean.TRUE.equals(l.get("tls"))
                        || (l.get("authentication") != null
                                && !"none".equals(l.get("authentication")));
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readyCondition(GenericKubernetesResource cluster) {
        if (cluster == null
                || !(cluster.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return null;
        }
        Object conditions = status.get("conditions");
        if (!(conditions instanceof List<?> list)) {
            return null;
        }
        return list.stream()
                .filter(c -> c instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
                .map(c -> (Map<String, Object>) c)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
