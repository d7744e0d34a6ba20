package io.tributary.e2e;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.util.Comparator;
import java.util.List;

/** What a person would look at when a test fails: resources, their status, events and pod logs. */
final class Diagnostics {
    private static final int LOG_LINES = 30;

    private Diagnostics() {}

    static String of(KubernetesClient client, String namespace) {
        StringBuilder out = new StringBuilder();
        try {
            for (KafkaCluster cluster :
                    client.resources(KafkaCluster.class).inNamespace(namespace).list().getItems()) {
                out.append("--- KafkaCluster ")
                        .append(cluster.getMetadata().getName())
                        .append(" generation ")
                        .append(cluster.getMetadata().getGeneration())
                        .append('\n')
                        .append(Serialization.asYaml(cluster.getStatus()));
            }
            out.append("--- pods\n");
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                out.append(pod.getMetadata().getName())
                        .append(' ')
                        .append(pod.getStatus() == null ? "" : pod.getStatus().getPhase())
                        .append(
                                pod.getMetadata().getDeletionTimestamp() != null
                                        ? " (deleting)"
                                        : "");
                if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
                    pod.getStatus()
                            .getContainerStatuses()
                            .forEach(
                                    c ->
                                            out.append(" ready=")
                                                    .append(c.getReady())
                                                    .append(" restarts=")
                                                    .append(c.getRestartCount()));
                }
                out.append('\n');
            }
            out.append("--- events\n");
            List<Event> events =
                    client.v1().events().inNamespace(namespace).list().getItems().stream()
                            .sorted(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                            .toList();
            for (Event e : events) {
                out.append(e.getLastTimestamp())
                        .append(' ')
                        .append(e.getType())
                        .append(' ')
                        .append(e.getReason())
                        .append(' ')
                        .append(e.getInvolvedObject().getKind())
                        .append('/')
                        .append(e.getInvolvedObject().getName())
                        .append(": ")
                        .append(e.getMessage())
                        .append('\n');
            }
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                String log =
                        client.pods()
                                .inNamespace(namespace)
                                .withName(pod.getMetadata().getName())
                                .getLog();
                List<String> lines = log == null ? List.of() : log.lines().toList();
                out.append("--- log of ").append(pod.getMetadata().getName()).append('\n');
                lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
        } catch (RuntimeException e) {
            out.append("(diagnostics incomplete: ").append(e).append(")\n");
        }
        return out.toString();
    }
}
