package io.tributary.sandbox.apiserver;

import java.util.Locale;

/**
 * A kind of call a client made, as RBAC would see it: a verb on a resource (or subresource) in a
 * namespace or cluster-wide, or a verb on a non-resource URL.
 *
 * @param group the API group, empty for the core group; {@code null} for a non-resource URL
 * @param subresource {@code null} for the resource itself
 * @param namespace {@code null} for a cluster-scoped kind or a call across all namespaces
 * @param path the URL of a non-resource call, {@code null} for a resource call
 */
public record ApiCall(
        String verb,
        String group,
        String resource,
        String subresource,
        String namespace,
        String path) {

    /** The call a request makes, given where it goes. */
    static ApiCall of(ApiRequest request, ResourcePath target) {
        String verb =
                switch (request.method()) {
                    case "GET" ->
                            request.flag("watch")
                                    ? "watch"
                                    : target.name() == null ? "list" : "get";
                    case "POST" -> "create";
                    case "PUT" -> "update";
                    case "PATCH" -> "patch";
                    case "DELETE" -> target.name() == null ? "deletecollection" : "delete";
                    default -> request.method().toLowerCase(Locale.ROOT);
                };
        return new ApiCall(
                verb,
                target.type().group(),
                target.type().plural(),
                target.subresource(),
                target.type().namespaced() ? target.namespace() : null,
                null);
    }

    /** A call to a URL that names no resource, such as {@code /version}. */
    static ApiCall nonResource(ApiRequest request) {
        return new ApiCall(
                request.method().toLowerCase(Locale.ROOT), null, null, null, null, request.path());
    }

    /** A cluster-scoped {@code create} in a group, for kinds the registry does not serve. */
    static ApiCall create(String group, String resource) {
        return new ApiCall("create", group, resource, null, null, null);
    }
}
