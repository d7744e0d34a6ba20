package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents clients read to learn the served kinds: {@code /version}, {@code /api},
 * {@code /apis}, {@code /apis/<group>} and the resource lists of {@code /api/v1} and {@code
 * /apis/<group>/<version>} (kinds, names, short names, scope, verbs, subresources). These are the
 * legacy documents; clients asking for aggregated discovery get them too and fall back.
 */
final class DiscoveryDocuments {
    static final String KUBERNETES_VERSION = "v1.32.0";

    private final ResourceTypeRegistry registry;
    private volatile String serverAddress = "127.0.0.1";

    DiscoveryDocuments(ResourceTypeRegistry registry) {
        this.registry = registry;
    }

    /** The {@code host:port} clients reach the server at, once it listens. */
    void serverAddress(String address) {
        this.serverAddress = address;
    }

    ObjectNode version() {
        ObjectNode version = Json.MAPPER.createObjectNode();
        version.put("major", "1")
                .put("minor", "32")
                .put("gitVersion", KUBERNETES_VERSION + "-tributary-sandbox");
        version.put("gitCommit", "0000000000000000000000000000000000000000")
                .put("gitTreeState", "clean");
        version.put("buildDate", "2025-01-01T00:00:00Z").put("goVersion", "go1.23");
        version.put("compiler", "gc").put("platform", "linux/amd64");
        return version;
    }

    ObjectNode coreVersions() {
        ObjectNode versions = Json.MAPPER.createObjectNode();
        versions.put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs")
                .addObject()
                .put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return versions;
    }

    ObjectNode groups() {
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groupVersions().forEach((group, versions) -> groups.add(group(group, versions)));
        return list;
    }

    /** {@code /apis/<group>}, or {@code null} when the group is not served. */
    ObjectNode group(String group) {
        List<String> versions = groupVersions().get(group);
        if (versions == null) {
            return null;
        }
        ObjectNode node = group(group, versions);
        node.put("kind", "APIGroup").put("apiVersion", "v1");
        return node;
    }

    /** The APIResourceList of a group/version, or {@code null} when it is not served. */
    ObjectNode resources(String group, String version) {
        Map<String, ResourceType> types = registry.groupVersions().get(group + "/" + version);
        if (types == null) {
            return null;
        }
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", "APIResourceList").put("apiVersion", "v1");
        list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types.values()) {
            ObjectNode resource = resources.addObject();
            resource.put("name", type.plural()).put("singularName", type.singular());
            resource.put("namespaced", type.namespaced()).put("kind", type.kind());
            ArrayNode verbs = resource.putArray("verbs");
            ResourceType.VERBS.forEach(verbs::add);
            if (!type.shortNames().isEmpty()) {
                ArrayNode shortNames = resource.putArray("shortNames");
                type.shortNames().forEach(shortNames::add);
            }
            if (!type.categories().isEmpty()) {
                ArrayNode categories = resource.putArray("categories");
                type.categories().forEach(categories::add);
            }
            if (type.statusSubresource()) {
                subresource(
                        resources, type, "status", type.kind(), List.of("get", "patch", "update"));
            }
            if (type.scaleSubresource() && !type.custom()) {
                subresource(resources, type, "scale", "Scale", List.of("get", "patch", "update"))
                        .put("group", "autoscaling")
                        .put("version", "v1");
            }
            if (type.group().isEmpty() && type.plural().equals("pods")) {
                subresource(resources, type, "log", "Pod", List.of("get"));
            }
        }
        return list;
    }

    private static ObjectNode subresource(
            ArrayNode resources, ResourceType type, String name, String kind, List<String> verbs) {
        ObjectNode resource = resources.addObject();
        resource.put("name", type.plural() + "/" + name).put("singularName", "");
        resource.put("namespaced", type.namespaced()).put("kind", kind);
        ArrayNode array = resource.putArray("verbs");
        verbs.forEach(array::add);
        return resource;
    }

    /** The named groups and their versions, preferred version first. */
    private Map<String, List<String>> groupVersions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, ResourceType>> entry :
                registry.groupVersions().entrySet()) {
            ResourceType any = entry.getValue().values().iterator().next();
            if (!any.group().isEmpty()) {
                groups.computeIfAbsent(any.group(), g -> new java.util.ArrayList<>())
                        .add(any.version());
            }
        }
        return groups;
    }

    private static ObjectNode group(String group, List<String> versions) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", group);
        ArrayNode array = node.putArray("versions");
        for (String version : versions) {
            array.addObject().put("groupVersion", group + "/" + version).put("version", version);
        }
        node.putObject("preferredVersion")
                .put("groupVersion", group + "/" + versions.get(0))
                .put("version", versions.get(0));
        return node;
    }
}
