package io.tributary.sandbox.apiserver;

import java.util.List;

/**
 * A path to resources: {@code /api/v1/...} or {@code /apis/<group>/<version>/...}, then {@code
 * [namespaces/<ns>/]<plural>[/<name>[/<subresource>]]}, resolved against the served kinds.
 *
 * @param namespace {@code null} for cluster-scoped kinds and for lists across all namespaces
 * @param name {@code null} for a collection
 * @param subresource {@code null} for the main resource
 */
record ResourcePath(ResourceType type, String namespace, String name, String subresource) {

    /** Whether the path is under a group/version prefix ({@code /api/v1}, {@code /apis/g/v}). */
    static boolean isResourcePath(List<String> segments) {
        return (segments.size() >= 3 && segments.get(0).equals("api"))
                || (segments.size() >= 4 && segments.get(0).equals("apis"));
    }

    /** Resolves a resource path; 404 when no served kind matches. */
    static ResourcePath parse(List<String> segments, ResourceTypeRegistry registry) {
        boolean core = segments.get(0).equals("api");
        String group = core ? "" : segments.get(1);
        String version = core ? segments.get(1) : segments.get(2);
        List<String> rest = segments.subList(core ? 2 : 3, segments.size());
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            var namespaced = registry.find(group, version, rest.get(2));
            if (namespaced.isPresent() && namespaced.get().namespaced() && rest.size() <= 5) {
                return new ResourcePath(
                        namespaced.get(),
                        rest.get(1),
                        rest.size() > 3 ? rest.get(3) : null,
                        rest.size() > 4 ? rest.get(4) : null);
            }
        }
        var type = registry.find(group, version, rest.get(0));
        if (type.isEmpty() || rest.size() > 3) {
            throw ApiError.notFound("the server could not find the requested resource");
        }
        return new ResourcePath(
                type.get(),
                null,
                rest.size() > 1 ? rest.get(1) : null,
                rest.size() > 2 ? rest.get(2) : null);
    }

    /** The namespace of a single object: empty for cluster-scoped kinds. */
    String scope() {
        return type.namespaced() ? namespace : "";
    }
}
