package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the API server refuses, with the HTTP code, the Status reason and the message a real
 * API server sends, rendered as a {@code v1 Status}.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient ObjectNode details;
    private final transient ObjectNode status;

    private ApiError(int code, String reason, String message, ObjectNode details) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.status = null;
    }

    private ApiError(int code, ObjectNode status) {
        super(status.path("message").asText());
        this.code = code;
        this.reason = status.path("reason").asText();
        this.details = null;
        this.status = status;
    }

    /** Wraps a Status object built elsewhere (the admission's rejections). */
    static ApiError ofStatus(int code, ObjectNode status) {
        return new ApiError(code, status);
    }

    static ApiError notFound(ResourceType type, String name) {
        return new ApiError(
                404,
                "NotFound",
                "%s \"%s\" not found".formatted(type.groupResource(), name),
                details(type, name));
    }

    static ApiError namespaceNotFound(String namespace) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", namespace).put("kind", "namespaces");
        return new ApiError(
                404, "NotFound", "namespaces \"%s\" not found".formatted(namespace), details);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "NotFound", message, null);
    }

    static ApiError alreadyExists(ResourceType type, String name) {
        return new ApiError(
                409,
                "AlreadyExists",
                "%s \"%s\" already exists".formatted(type.groupResource(), name),
                details(type, name));
    }

    static ApiError conflict(ResourceType type, String name, String why) {
        return new ApiError(
                409,
                "Conflict",
                "Operation cannot be fulfilled on %s \"%s\": %s"
                        .formatted(type.groupResource(), name, why),
                details(type, name));
    }

    static ApiError modified(ResourceType type, String name) {
        return conflict(
                type,
                name,
                "the object has been modified; please apply your changes to the latest version"
                        + " and try again");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    static ApiError invalid(ResourceType type, String name, String message) {
        return new ApiError(
                422,
                "Invalid",
                "%s.%s \"%s\" is invalid: %s"
                        .formatted(type.kind(), type.group(), name, message)
                        .replace(". \"", " \""),
                details(type, name));
    }

    /** 422 with no field details: a request that is well-formed but cannot be carried out. */
    static ApiError unprocessable(String message) {
        return new ApiError(422, "Invalid", message, null);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "Forbidden", message, null);
    }

    static ApiError methodNotAllowed(String message) {
        return new ApiError(405, "MethodNotAllowed", message, null);
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include:"
                        + " application/json-patch+json, application/merge-patch+json,"
                        + " application/strategic-merge-patch+json (got %s)".formatted(contentType),
                null);
    }

    static ApiError gone(long requested, long oldest) {
        return new ApiError(
                410,
                "Expired",
                "too old resource version: %d (%d)".formatted(requested, oldest),
                null);
    }

    int code() {
        return code;
    }

    String reason() {
        return reason;
    }

    /** The {@code v1 Status} a client receives. */
    ObjectNode toStatus() {
        if (status != null) {
            return status.deepCopy();
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", "Status").put("apiVersion", "v1");
        node.putObject("metadata");
        node.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            node.set("details", details);
        }
        node.put("code", code);
        return node;
    }

    private static ObjectNode details(ResourceType type, String name) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        return details;
    }
}
