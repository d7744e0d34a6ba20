package io.tributary.broker.health;

import io.tributary.broker.config.NodeRole;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the readiness endpoint answers: the decision and the values it was made on. */
public record HealthReport(
        Readiness readiness, int nodeId, Set<NodeRole> roles, NodeMetrics metrics) {

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        json.append("\"ready\":").append(readiness.ready());
        json.append(",\"live\":").append(readiness.live());
        json.append(",\"reason\":").append(quote(readiness.reason()));
        json.append(",\"nodeId\":").append(nodeId);
        json.append(",\"roles\":[")
                .append(
                        roles.stream()
                                .sorted()
                                .map(r -> quote(r.configValue()))
                                .collect(Collectors.joining(",")))
                .append("]");
        field(json, "kafkaVersion", metrics.kafkaVersion().map(HealthReport::quote));
        field(json, "brokerState", metrics.brokerState().map(String::valueOf));
        field(json, "raftState", metrics.raftState().map(HealthReport::quote));
        field(json, "raftLeader", metrics.raftLeader().map(String::valueOf));
        return json.append("}").toString();
    }

    private static void field(StringBuilder json, String name, Optional<String> value) {
        json.append(",\"").append(name).append("\":").append(value.orElse("null"));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
