package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.tributary.sandbox.admission.FieldValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scale} subresource of StatefulSets ({@code kubectl scale}): an {@code autoscaling/v1
 * Scale} read from and written to {@code spec.replicas}.
 */
final class ScaleSubresource {
    private final ObjectStore store;
    private final ResourceOperations operations;

    ScaleSubresource(ObjectStore store, ResourceOperations operations) {
        this.store = store;
        this.operations = operations;
    }

    MockResponse get(ResourcePath path) {
        StoredObject object =
                store.read(() -> operations.existing(path.type(), path.namespace(), path.name()));
        return ApiResponses.json(200, scale(object.object()));
    }

    MockResponse write(ApiRequest request, ResourcePath path, boolean patch) {
        StoredObject updated =
                store.write(
                        () -> {
                            StoredObject old =
                                    operations.existing(path.type(), path.namespace(), path.name());
                            ObjectNode current = scale(old.object());
                            ObjectNode next =
                                    patch
                                            ? PatchApplier.apply(
                                                    current,
                                                    request.header("Content-Type"),
                                                    request.body())
                                            : Json.parseObject(request.body());
                            JsonNode replicas = next.path("spec").path("replicas");
                            if (!replicas.canConvertToInt()) {
                                throw ApiError.invalid(
                                        path.type(), path.name(), "spec.replicas: Required value");
                            }
                            ObjectNode object = old.copy();
                            ((ObjectNode) object.path("spec")).put("replicas", replicas.asInt());
                            return operations.update(
                                    path.type(),
                                    old,
                                    object,
                                    false,
                                    WriteOptions.of(FieldValidation.IGNORE, false));
                        });
        return ApiResponses.json(200, scale(updated.object()));
    }

    private static ObjectNode scale(JsonNode object) {
        ObjectNode scale = Json.MAPPER.createObjectNode();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field :
                List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (object.path("metadata").has(field)) {
                metadata.set(field, object.path("metadata").get(field));
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        List<String> selector = new ArrayList<>();
        object.path("spec")
                .path("selector")
                .path("matchLabels")
                .properties()
                .forEach(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
        scale.putObject("status")
                .put("replicas", object.path("status").path("replicas").asInt(0))
                .put("selector", String.join(",", selector));
        return scale;
    }
}
