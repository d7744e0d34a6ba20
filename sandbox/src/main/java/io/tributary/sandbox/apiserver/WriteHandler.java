package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.tributary.sandbox.admission.FieldValidation;
import java.util.List;

/** POST, PUT, PATCH and DELETE of resources and of their status, over HTTP. */
final class WriteHandler {
    private final ResourceOperations operations;
    private final ObjectDeleter deleter;

    WriteHandler(ResourceOperations operations, ObjectDeleter deleter) {
        this.operations = operations;
        this.deleter = deleter;
    }

    MockResponse create(ApiRequest request, ResourcePath path) {
        if (path.name() != null) {
            throw ApiError.methodNotAllowed(
                    "the server does not allow this method on the requested resource");
        }
        requireNamespace(path);
        WriteOptions options = options(request);
        StoredObject created =
                operations.create(
                        path.type(), path.namespace(), Json.parseObject(request.body()), options);
        return respond(201, path.type(), created, options);
    }

    MockResponse replace(ApiRequest request, ResourcePath path, boolean statusOnly) {
        requireName(path);
        WriteOptions options = options(request);
        StoredObject updated =
                operations.replace(
                        path.type(),
                        path.namespace(),
                        path.name(),
                        Json.parseObject(request.body()),
                        statusOnly,
                        options);
        return respond(200, path.type(), updated, options);
    }

    MockResponse patch(ApiRequest request, ResourcePath path, boolean statusOnly) {
        requireName(path);
        String contentType = PatchApplier.mediaType(request.header("Content-Type"));
        if (contentType.equals("application/apply-patch+yaml")) {
            throw ApiError.unsupportedMediaType(contentType);
        }
        WriteOptions options = options(request);
        StoredObject patched =
                operations.patch(
                        path.type(),
                        path.namespace(),
                        path.name(),
                        contentType,
                        request.body(),
                        statusOnly,
                        options);
        return respond(200, path.type(), patched, options);
    }

    MockResponse delete(ApiRequest request, ResourcePath path) {
        JsonNode body = request.body().length == 0 ? null : Json.parseObject(request.body());
        DeleteOptions options = DeleteOptions.from(body, request.query());
        if (path.name() == null) {
            List<StoredObject> deleted =
                    deleter.deleteCollection(
                            path.type(),
                            path.namespace(),
                            LabelSelector.parse(request.param("labelSelector")),
                            FieldSelector.parse(request.param("fieldSelector")),
                            options);
            return ApiResponses.json(200, ReadHandler.listJson(path.type(), deleted, 0));
        }
        requireName(path);
        StoredObject state = deleter.delete(path.type(), path.namespace(), path.name(), options);
        return ApiResponses.json(200, state.jsonAs(path.type()));
    }

    private static MockResponse respond(
            int code, ResourceType type, StoredObject object, WriteOptions options) {
        return ApiResponses.withWarnings(
                ApiResponses.json(code, object.jsonAs(type)), options.warnings());
    }

    private static WriteOptions options(ApiRequest request) {
        return WriteOptions.of(
                FieldValidation.fromQueryParameter(request.param("fieldValidation")),
                request.param("dryRun") != null);
    }

    private static void requireName(ResourcePath path) {
        if (path.name() == null) {
            throw ApiError.methodNotAllowed(
                    "the server does not allow this method on the requested resource");
        }
        requireNamespace(path);
    }

    private static void requireNamespace(ResourcePath path) {
        if (path.type().namespaced() && path.namespace() == null) {
            throw ApiError.notFound("the server could not find the requested resource");
        }
    }
}
