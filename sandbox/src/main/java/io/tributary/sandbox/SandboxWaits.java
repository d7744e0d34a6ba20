package io.tributary.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits on a sandbox that explain themselves: when a wait times out, the error holds what a person
 * would look at — the namespace's pods and their states, Tributary's resources with their status,
 * the events, and the end of every pod's log.
 */
public final class SandboxWaits {
    private static final int LOG_LINES = 40;

    private final Sandbox sandbox;

    SandboxWaits(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Polls the condition until it holds; on timeout fails with the namespace's diagnostics. */
    public void until(String what, Duration timeout, String namespace, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        AssertionError failure =
                new AssertionError(
                        "Timed out after "
                                + timeout.toSeconds()
                                + "s waiting for "
                                + what
                                + "\n"
                                + dump(namespace));
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    /** What a person would look at in the namespace, as text. */
    public String dump(String namespace) {
        KubernetesClient client = sandbox.client();
        StringBuilder out = new StringBuilder();
        try {
            out.append("--- pods in ").append(namespace).append('\n');
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                out.append(pod.getMetadata().getName())
                        .append(" phase=")
                        .append(pod.getStatus() == null ? null : pod.getStatus().getPhase())
                        .append(" deleting=")
                        .append(pod.getMetadata().getDeletionTimestamp() != null);
                if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
                    pod.getStatus()
                            .getContainerStatuses()
                            .forEach(
                                    c ->
                                            out.append(" [")
                                                    .append(c.getName())
                                                    .append(" ready=")
                                                    .append(c.getReady())
                                                    .append(" restarts=")
                                                    .append(c.getRestartCount())
                                                    .append(" state=")
                                                    .append(Serialization.asJson(c.getState()))
                                                    .append(']'));
                }
                out.append('\n');
            }
            for (CustomResourceDefinition crd :
                    client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
                ResourceDefinitionContext context =
                        io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext
                                .fromCrd(crd);
                for (GenericKubernetesResource resource :
                        client.genericKubernetesResources(context)
                                .inNamespace(namespace)
                                .list()
                                .getItems()) {
                    out.append("--- ")
                            .append(resource.getKind())
                            .append(' ')
                            .append(resource.getMetadata().getName())
                            .append(" generation=")
                            .append(resource.getMetadata().getGeneration())
                            .append('\n')
                            .append(
                                    Serialization.asYaml(
                                            resource.getAdditionalProperties().get("status")));
                }
            }
            out.append("--- events in ").append(namespace).append('\n');
            List<Event> events =
                    client.v1().events().inNamespace(namespace).list().getItems().stream()
                            .sorted(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                            .toList();
            for (Event event : events) {
                out.append(event.getLastTimestamp())
                        .append(' ')
                        .append(event.getType())
                        .append(' ')
                        .append(event.getReason())
                        .append(' ')
                        .append(event.getInvolvedObject().getKind())
                        .append('/')
                        .append(event.getInvolvedObject().getName())
                        .append(": ")
                        .append(event.getMessage())
                        .append(
                                event.getCount() != null && event.getCount() > 1
                                        ? " (x" + event.getCount() + ")"
                                        : "")
                        .append('\n');
            }
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                for (var container : pod.getSpec().getContainers()) {
                    String log =
                            sandbox.kubelet()
                                    .log(
                                            namespace,
                                            pod.getMetadata().getName(),
                                            container.getName(),
                                            false)
                                    .orElse("");
                    List<String> lines = log.lines().toList();
                    out.append("--- log of ")
                            .append(pod.getMetadata().getName())
                            .append('/')
                            .append(container.getName())
                            .append(" (last ")
                            .append(Math.min(LOG_LINES, lines.size()))
                            .append(" lines)\n");
                    lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())
                            .forEach(l -> out.append(l).append('\n'));
                }
            }
        } catch (RuntimeException e) {
            out.append("(could not collect diagnostics: ").append(e).append(")\n");
        }
        return out.toString();
    }
}
