package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults a real API server writes into built-in objects on every create and update, for the
 * fields an operator compares or a person reads: Service type, ports and cluster IP (allocated from
 * 10.96.0.0/16 and kept across updates), pod restart and termination settings, StatefulSet strategy
 * and retention. Other defaults of the real server are not applied.
 */
final class BuiltinDefaults {
    private final AtomicInteger nextClusterIp = new AtomicInteger(1);

    /** Applies the defaults; {@code old} is the stored object on update, {@code null} on create. */
    void apply(ResourceType type, ObjectNode object, JsonNode old) {
        if (type.custom() || !(object.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        switch (type.group() + "/" + type.plural()) {
            case "/services" -> service(spec, old == null ? null : old.path("spec"));
            case "/pods" -> podSpec(spec);
            case "apps/statefulsets" -> statefulSet(spec);
            default -> {}
        }
    }

    private void service(ObjectNode spec, JsonNode oldSpec) {
        putIfAbsent(spec, "type", "ClusterIP");
        putIfAbsent(spec, "sessionAffinity", "None");
        if (spec.path("type").asText().equals("ExternalName")) {
            return;
        }
        if (!spec.hasNonNull("clusterIP") || spec.path("clusterIP").asText().isEmpty()) {
            String kept = oldSpec == null ? "" : oldSpec.path("clusterIP").asText("");
            spec.put("clusterIP", kept.isEmpty() ? allocateClusterIp() : kept);
        }
        spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
        putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
                if (!p.has("targetPort") && p.has("port")) {
                    p.set("targetPort", p.get("port"));
                }
            }
        }
    }

    private static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("terminationGracePeriodSeconds")) {
            spec.put("terminationGracePeriodSeconds", 30);
        }
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode container : spec.path(list)) {
                if (container instanceof ObjectNode c) {
                    String image = c.path("image").asText("");
                    boolean latest = !image.contains(":") || image.endsWith(":latest");
                    putIfAbsent(c, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
                    putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
                    putIfAbsent(c, "terminationMessagePolicy", "File");
                }
            }
        }
    }

    private static void statefulSet(ObjectNode spec) {
        if (!spec.has("replicas")) {
            spec.put("replicas", 1);
        }
        putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
        }
        ObjectNode strategy = object(spec, "updateStrategy");
        putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = object(strategy, "rollingUpdate");
            if (!rolling.has("partition")) {
                rolling.put("partition", 0);
            }
        }
        ObjectNode retention = object(spec, "persistentVolumeClaimRetentionPolicy");
        putIfAbsent(retention, "whenDeleted", "Retain");
        putIfAbsent(retention, "whenScaled", "Retain");
        if (spec.path("template").path("spec") instanceof ObjectNode podSpec) {
            podSpec(podSpec);
        }
    }

    private String allocateClusterIp() {
        int n = nextClusterIp.getAndIncrement();
        return "10.96." + (n / 254) % 256 + "." + (n % 254 + 1);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing
                ? existing
                : parent.putObject(field);
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
