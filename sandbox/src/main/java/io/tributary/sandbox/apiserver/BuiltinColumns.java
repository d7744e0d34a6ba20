package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The table columns of the built-in kinds, close to what a real API server prints. */
final class BuiltinColumns {
    private BuiltinColumns() {}

    static List<TableColumn> of(ResourceType type) {
        String key = type.group() + "/" + type.plural();
        return switch (key) {
            case "/pods" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of("Ready", BuiltinColumns::podReady),
                            TableColumn.of("Status", BuiltinColumns::podStatus),
                            new TableColumn(
                                    "Restarts", "integer", "", 0, BuiltinColumns::podRestarts),
                            TableColumn.age(),
                            TableColumn.wide("IP", o -> orNone(Json.text(o, "status", "podIP"))),
                            TableColumn.wide(
                                    "Node", o -> orNone(Json.text(o, "spec", "nodeName"))));
            case "/services" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of(
                                    "Type",
                                    o ->
                                            Json.text(o, "spec", "type") == null
                                                    ? "ClusterIP"
                                                    : Json.text(o, "spec", "type")),
                            TableColumn.of(
                                    "Cluster-IP", o -> orNone(Json.text(o, "spec", "clusterIP"))),
                            TableColumn.of("External-IP", o -> "<none>"),
                            TableColumn.of("Port(s)", BuiltinColumns::servicePorts),
                            TableColumn.age(),
                            TableColumn.wide(
                                    "Selector", o -> pairs(o.path("spec").path("selector"))));
            case "/configmaps" ->
                    List.of(
                            TableColumn.objectName(),
                            new TableColumn(
                                    "Data",
                                    "integer",
                                    "",
                                    0,
                                    o ->
                                            (long)
                                                    (o.path("data").size()
                                                            + o.path("binaryData").size())),
                            TableColumn.age());
            case "/secrets" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of(
                                    "Type",
                                    o ->
                                            Json.text(o, "type") == null
                                                    ? "Opaque"
                                                    : Json.text(o, "type")),
                            new TableColumn(
                                    "Data",
                                    "integer",
                                    "",
                                    0,
                                    o ->
                                            (long)
                                                    (o.path("data").size()
                                                            + o.path("stringData").size())),
                            TableColumn.age());
            case "/namespaces" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of("Status", o -> Json.text(o, "status", "phase")),
                            TableColumn.age());
            case "/persistentvolumeclaims" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of("Status", o -> Json.text(o, "status", "phase")),
                            TableColumn.of("Volume", o -> Json.text(o, "spec", "volumeName")),
                            TableColumn.of(
                                    "Capacity", o -> Json.text(o, "status", "capacity", "storage")),
                            TableColumn.of(
                                    "Access Modes",
                                    o -> accessModes(o.path("status").path("accessModes"))),
                            TableColumn.of(
                                    "StorageClass", o -> Json.text(o, "spec", "storageClassName")),
                            TableColumn.age());
            case "/events", "events.k8s.io/events" ->
                    List.of(
                            TableColumn.of(
                                    "Last Seen",
                                    o ->
                                            HumanDuration.since(
                                                    firstText(
                                                            o,
                                                            "lastTimestamp",
                                                            "eventTime",
                                                            "deprecatedLastTimestamp"))),
                            TableColumn.of("Type", o -> Json.text(o, "type")),
                            TableColumn.of("Reason", o -> Json.text(o, "reason")),
                            TableColumn.of("Object", BuiltinColumns::involvedObject),
                            TableColumn.of("Message", o -> firstText(o, "message", "note")),
                            new TableColumn(
                                    "Name",
                                    "string",
                                    "name",
                                    1,
                                    o -> Json.text(o, "metadata", "name")));
            case "apps/statefulsets" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of(
                                    "Ready",
                                    o ->
                                            o.path("status").path("readyReplicas").asLong(0)
                                                    + "/"
                                                    + o.path("spec").path("replicas").asLong(1)),
                            TableColumn.age());
            case "policy/poddisruptionbudgets" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of(
                                    "Min Available",
                                    o -> orNa(o.path("spec").path("minAvailable"))),
                            TableColumn.of(
                                    "Max Unavailable",
                                    o -> orNa(o.path("spec").path("maxUnavailable"))),
                            new TableColumn(
                                    "Allowed Disruptions",
                                    "integer",
                                    "",
                                    0,
                                    o -> o.path("status").path("disruptionsAllowed").asLong(0)),
                            TableColumn.age());
            case "coordination.k8s.io/leases" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of("Holder", o -> Json.text(o, "spec", "holderIdentity")),
                            TableColumn.age());
            case "/nodes" ->
                    List.of(
                            TableColumn.objectName(),
                            TableColumn.of("Status", BuiltinColumns::nodeStatus),
                            TableColumn.of("Roles", o -> "<none>"),
                            TableColumn.age(),
                            TableColumn.of(
                                    "Version",
                                    o -> Json.text(o, "status", "nodeInfo", "kubeletVersion")));
            case "apiextensions.k8s.io/customresourcedefinitions" ->
                    List.of(
                            TableColumn.objectName(),
                            new TableColumn(
                                    "Created At",
                                    "date",
                                    "",
                                    0,
                                    o -> Json.text(o, "metadata", "creationTimestamp")));
            default -> List.of(TableColumn.objectName(), TableColumn.age());
        };
    }

    private static Object podReady(JsonNode pod) {
        int total = pod.path("spec").path("containers").size();
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("ready").asBoolean(false)) {
                ready++;
            }
        }
        return ready + "/" + total;
    }

    private static Object podStatus(JsonNode pod) {
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            return "Terminating";
        }
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            String waiting = Json.text(status, "state", "waiting", "reason");
            if (waiting != null) {
                return waiting;
            }
        }
        String reason = Json.text(pod, "status", "reason");
        return reason != null ? reason : Json.text(pod, "status", "phase");
    }

    private static Object podRestarts(JsonNode pod) {
        long restarts = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            restarts += status.path("restartCount").asLong(0);
        }
        return restarts;
    }

    private static Object servicePorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static Object nodeStatus(JsonNode node) {
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        return "Unknown";
    }

    private static Object involvedObject(JsonNode event) {
        JsonNode object =
                event.has("involvedObject")
                        ? event.path("involvedObject")
                        : event.path("regarding");
        return object.path("kind").asText("").toLowerCase(java.util.Locale.ROOT)
                + "/"
                + object.path("name").asText("");
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = Json.text(node, field);
            if (value != null) {
                return value;
            }
        }
        return Json.text(node, "metadata", "creationTimestamp");
    }

    private static String pairs(JsonNode map) {
        List<String> pairs = new ArrayList<>();
        map.properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
    }

    private static String accessModes(JsonNode modes) {
        List<String> shortModes = new ArrayList<>();
        for (JsonNode mode : modes) {
            shortModes.add(
                    switch (mode.asText()) {
                        case "ReadWriteOnce" -> "RWO";
                        case "ReadOnlyMany" -> "ROX";
                        case "ReadWriteMany" -> "RWX";
                        case "ReadWriteOncePod" -> "RWOP";
                        default -> mode.asText();
                    });
        }
        return String.join(",", shortModes);
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }

    private static String orNa(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "N/A" : value.asText();
    }
}
