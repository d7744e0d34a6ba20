package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GET of one object or a list (label and field selectors; {@code limit} is ignored and everything
 * is returned), as JSON or as a Table when the client asks for one.
 */
final class ReadHandler {
    private final ObjectStore store;

    ReadHandler(ObjectStore store) {
        this.store = store;
    }

    MockResponse get(ApiRequest request, ResourcePath path) {
        return store.read(
                () -> {
                    StoredObject object =
                            store.get(path.type().storageKey(), path.scope(), path.name());
                    if (object == null) {
                        throw ApiError.notFound(path.type(), path.name());
                    }
                    if (request.acceptsTable()) {
                        return ApiResponses.json(
                                200,
                                TableConverter.table(
                                        path.type(),
                                        List.of(object),
                                        object.resourceVersion(),
                                        request.param("includeObject")));
                    }
                    return ApiResponses.json(200, object.jsonAs(path.type()));
                });
    }

    MockResponse list(ApiRequest request, ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
        return store.read(
                () -> {
                    List<StoredObject> objects =
                            store.list(path.type().storageKey(), path.namespace(), labels, fields);
                    long version = store.resourceVersion();
                    if (request.acceptsTable()) {
                        return ApiResponses.json(
                                200,
                                TableConverter.table(
                                        path.type(),
                                        objects,
                                        version,
                                        request.param("includeObject")));
                    }
                    return ApiResponses.json(200, listJson(path.type(), objects, version));
                });
    }

    /** A {@code <Kind>List}, written from the stored JSON of each item without re-encoding it. */
    static byte[] listJson(ResourceType type, List<StoredObject> objects, long resourceVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + objects.size() * 1024);
        String head =
                "{\"kind\":\"%s\",\"apiVersion\":\"%s\",\"metadata\":{\"resourceVersion\":\"%d\"},\"items\":["
                        .formatted(type.listKind(), type.apiVersion(), resourceVersion);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(objects.get(i).jsonAs(type));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
