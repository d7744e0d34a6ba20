package io.tributary.chart;

/**
 * One kind of call to the Kubernetes API, as RBAC sees it: a verb on a resource (in a namespace, or
 * cluster-wide), or on a non-resource URL such as {@code /version}.
 *
 * @param group the API group, empty for the core group
 * @param subresource {@code null} for the resource itself
 * @param namespace {@code null} for a cluster-wide call (a cluster-scoped kind, or a list or watch
 *     across all namespaces)
 * @param path the URL of a non-resource call; {@code null} for a resource call
 */
public record ApiAccess(
        String verb,
        String group,
        String resource,
        String subresource,
        String namespace,
        String path) {

    public static ApiAccess resource(
            String verb, String group, String resource, String subresource, String namespace) {
        return new ApiAccess(verb, group, resource, subresource, namespace, null);
    }

    public static ApiAccess nonResource(String verb, String path) {
        return new ApiAccess(verb, null, null, null, null, path);
    }

    public boolean isResource() {
        return path == null;
    }

    /** The resource as RBAC rules name it: {@code pods}, {@code kafkaclusters/status}. */
    public String ruleResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    @Override
    public String toString() {
        if (!isResource()) {
            return verb + " " + path;
        }
        return verb
                + " "
                + (group.isEmpty() ? "" : group + "/")
                + ruleResource()
                + (namespace == null ? " (cluster-wide)" : " in namespace " + namespace);
    }
}
