package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a real API server fills in when it creates a built-in object: the initial status of pods,
 * namespaces and PVCs, and the namespace's name label.
 */
final class InitialState {
    private InitialState() {}

    static void apply(ResourceType type, ObjectNode object) {
        if (!type.group().isEmpty() || type.custom()) {
            return;
        }
        switch (type.plural()) {
            case "pods" -> object.putObject("status").put("phase", "Pending");
            case "persistentvolumeclaims" -> object.putObject("status").put("phase", "Pending");
            case "namespaces" -> {
                object.putObject("status").put("phase", "Active");
                ObjectNode metadata = Json.metadata(object);
                ObjectNode labels =
                        metadata.get("labels") instanceof ObjectNode existing
                                ? existing
                                : metadata.putObject("labels");
                labels.put("kubernetes.io/metadata.name", Json.text(metadata, "name"));
            }
            default -> {}
        }
    }
}
