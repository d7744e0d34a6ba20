package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds the API server serves, by group/version and plural: the built-ins, and the kinds of the
 * CustomResourceDefinitions created at run time. Readers see an immutable snapshot.
 */
final class ResourceTypeRegistry {
    private final List<ResourceType> builtins;
    private volatile Snapshot snapshot;

    /** The served kinds and the CRDs they come from. */
    private record Snapshot(
            Map<String, Map<String, ResourceType>> byGroupVersion,
            Map<String, ObjectNode> crdsByStorageKey) {}

    ResourceTypeRegistry() {
        this.builtins = BuiltinResourceTypes.all();
        this.snapshot = build(Map.of());
    }

    /** The kind served at {@code group/version} under {@code plural}. */
    Optional<ResourceType> find(String group, String version, String plural) {
        Map<String, ResourceType> types = snapshot.byGroupVersion().get(key(group, version));
        return Optional.ofNullable(types == null ? null : types.get(plural));
    }

    /** A built-in kind; fails for a kind this class does not know. */
    ResourceType builtin(String group, String plural) {
        return builtins.stream()
                .filter(t -> t.group().equals(group) && t.plural().equals(plural))
                .findFirst()
                .orElseThrow();
    }

    /** Group/versions in discovery order: core first, then groups in registration order. */
    Map<String, Map<String, ResourceType>> groupVersions() {
        return snapshot.byGroupVersion();
    }

    /** One served kind per storage key (the first version listed), for store-wide walks. */
    Collection<ResourceType> storageTypes() {
        Map<String, ResourceType> byKey = new LinkedHashMap<>();
        for (Map<String, ResourceType> types : snapshot.byGroupVersion().values()) {
            for (ResourceType type : types.values()) {
                byKey.putIfAbsent(type.storageKey(), type);
            }
        }
        return byKey.values();
    }

    /** The kind objects under a storage key are served as (its first served version). */
    ResourceType byStorageKey(String storageKey) {
        for (ResourceType type : storageTypes()) {
            if (type.storageKey().equals(storageKey)) {
                return type;
            }
        }
        return null;
    }

    /** The CRD a custom kind comes from. */
    ObjectNode crdOf(ResourceType type) {
        return snapshot.crdsByStorageKey().get(type.storageKey());
    }

    /** Serves (or serves again, after an update) the kinds of a CRD. */
    synchronized void register(ObjectNode crd) {
        Map<String, ObjectNode> crds = new LinkedHashMap<>(snapshot.crdsByStorageKey());
        crds.put(storageKeyOf(crd), crd);
        snapshot = build(crds);
    }

    /** Stops serving the kinds of a removed CRD. */
    synchronized void unregister(JsonNode crd) {
        Map<String, ObjectNode> crds = new LinkedHashMap<>(snapshot.crdsByStorageKey());
        crds.remove(storageKeyOf(crd));
        snapshot = build(crds);
    }

    static String storageKeyOf(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        return spec.path("group").asText() + "/" + spec.path("names").path("plural").asText();
    }

    private Snapshot build(Map<String, ObjectNode> crds) {
        Map<String, Map<String, ResourceType>> byGroupVersion = new LinkedHashMap<>();
        for (ResourceType type : builtins) {
            add(byGroupVersion, type);
        }
        for (ObjectNode crd : crds.values()) {
            for (ResourceType type : typesOf(crd)) {
                add(byGroupVersion, type);
            }
        }
        return new Snapshot(freeze(byGroupVersion), Map.copyOf(crds));
    }

    private static void add(Map<String, Map<String, ResourceType>> map, ResourceType type) {
        map.computeIfAbsent(key(type.group(), type.version()), k -> new LinkedHashMap<>())
                .put(type.plural(), type);
    }

    private static Map<String, Map<String, ResourceType>> freeze(
            Map<String, Map<String, ResourceType>> map) {
        Map<String, Map<String, ResourceType>> frozen = new LinkedHashMap<>();
        map.forEach((k, v) -> frozen.put(k, java.util.Collections.unmodifiableMap(v)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    /** The served versions of a CRD, as kinds. */
    static List<ResourceType> typesOf(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            JsonNode subresources = version.path("subresources");
            String kind = names.path("kind").asText();
            types.add(
                    new ResourceType(
                            spec.path("group").asText(),
                            version.path("name").asText(),
                            kind,
                            names.path("plural").asText(),
                            names.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT)),
                            !"Cluster".equals(spec.path("scope").asText()),
                            strings(names.path("shortNames")),
                            strings(names.path("categories")),
                            subresources.has("status"),
                            subresources.has("scale"),
                            true,
                            version.path("additionalPrinterColumns"),
                            true));
        }
        return types;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static String key(String group, String version) {
        return group + "/" + version;
    }
}
