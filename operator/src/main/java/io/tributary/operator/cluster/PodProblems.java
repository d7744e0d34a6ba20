package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * Why a pod is not ready, in a line a person can act on: a container waiting (crash-looping, image
 * not found) or that last ended with an error.
 */
final class PodProblems {
    private PodProblems() {}

    static Optional<String> firstProblem(List<Pod> pods) {
        for (Pod pod : pods) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                continue;
            }
            for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
                Optional<String> problem = problem(pod.getMetadata().getName(), container);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String pod, ContainerStatus container) {
        var waiting = container.getState() == null ? null : container.getState().getWaiting();
        if (waiting == null
                || waiting.getReason() == null
                || waiting.getReason().equals("ContainerCreating")) {
            return Optional.empty();
        }
        StringBuilder text =
                new StringBuilder("pod ").append(pod).append(": ").append(waiting.getReason());
        var last =
                container.getLastState() == null ? null : container.getLastState().getTerminated();
        if (last != null) {
            text.append(" (last exit code ")
                    .append(last.getExitCode())
                    .append("; see kubectl logs ")
                    .append(pod)
                    .append(" --previous)");
        } else if (waiting.getMessage() != null) {
            text.append(": ").append(waiting.getMessage());
        }
        return Optional.of(text.toString());
    }
}
