package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 documents kubectl reads: the index at {@code /openapi/v3} and one document per
 * group/version. kubectl ≥ 1.27 uses server-side field validation only when the PATCH operation of
 * a kind, tagged with {@code x-kubernetes-group-version-kind}, declares the {@code fieldValidation}
 * parameter; otherwise it validates on the client and needs full schemas. Custom resources carry
 * their CRD schema (for {@code kubectl explain}); built-ins carry an open object schema, and their
 * PATCH does not list strategic merge patch, so that {@code kubectl apply} computes strategic merge
 * patches from its compiled-in types instead of from these documents.
 */
final class OpenApiDocuments {
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final ResourceTypeRegistry registry;

    OpenApiDocuments(ResourceTypeRegistry registry) {
        this.registry = registry;
    }

    /** {@code /openapi/v3}: every group/version with the URL of its document. */
    ObjectNode index() {
        ObjectNode index = Json.MAPPER.createObjectNode();
        ObjectNode paths = index.putObject("paths");
        for (Map.Entry<String, Map<String, ResourceType>> entry :
                registry.groupVersions().entrySet()) {
            ResourceType any = entry.getValue().values().iterator().next();
            String prefix = prefix(any);
            String hash = hash(document(any.group(), any.version()));
            paths.putObject(prefix.substring(1))
                    .put("serverRelativeURL", "/openapi/v3" + prefix + "?hash=" + hash);
        }
        return index;
    }

    /** The document of a group/version, or {@code null} when it is not served. */
    ObjectNode document(String group, String version) {
        Map<String, ResourceType> types = registry.groupVersions().get(group + "/" + version);
        if (types == null) {
            return null;
        }
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("openapi", "3.0.0");
        document.putObject("info")
                .put("title", "Kubernetes")
                .put("version", DiscoveryDocuments.KUBERNETES_VERSION);
        ObjectNode paths = document.putObject("paths");
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        schemas.putObject(OBJECT_META)
                .put("type", "object")
                .put(
                        "description",
                        "ObjectMeta is metadata that all persisted resources must have.");
        for (ResourceType type : types.values()) {
            String schemaName = schemaName(type);
            schemas.set(schemaName, schema(type));
            String collection =
                    prefix(type)
                            + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
                            + type.plural();
            ObjectNode item = paths.putObject(collection + "/{name}");
            item.set("get", operation(type, "get", schemaName, false));
            item.set("put", operation(type, "put", schemaName, true));
            item.set("patch", patchOperation(type, schemaName));
            item.set("delete", operation(type, "delete", schemaName, false));
            ObjectNode list = paths.putObject(collection);
            list.set("post", operation(type, "post", schemaName, true));
            if (type.statusSubresource()) {
                ObjectNode status = paths.putObject(collection + "/{name}/status");
                status.set("get", operation(type, "get", schemaName, false));
                status.set("patch", patchOperation(type, schemaName));
            }
        }
        return document;
    }

    private static ObjectNode operation(
            ResourceType type, String action, String schemaName, boolean write) {
        ObjectNode operation = Json.MAPPER.createObjectNode();
        operation.put("operationId", action + type.kind());
        ArrayNode parameters = operation.putArray("parameters");
        if (write) {
            parameter(parameters, "dryRun");
            parameter(parameters, "fieldManager");
            parameter(parameters, "fieldValidation");
        }
        operation
                .putObject("responses")
                .putObject("200")
                .put("description", "OK")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("$ref", "#/components/schemas/" + schemaName);
        operation.put("x-kubernetes-action", action);
        gvk(operation.putObject("x-kubernetes-group-version-kind"), type);
        return operation;
    }

    private static ObjectNode patchOperation(ResourceType type, String schemaName) {
        ObjectNode operation = operation(type, "patch", schemaName, true);
        ObjectNode content = operation.putObject("requestBody").putObject("content");
        for (String mediaType : List.of(PatchApplier.JSON_PATCH, PatchApplier.MERGE_PATCH)) {
            content.putObject(mediaType).putObject("schema").put("type", "object");
        }
        return operation;
    }

    private static void parameter(ArrayNode parameters, String name) {
        parameters
                .addObject()
                .put("name", name)
                .put("in", "query")
                .put("description", name)
                .putObject("schema")
                .put("type", "string")
                .put("uniqueItems", true);
    }

    private ObjectNode schema(ResourceType type) {
        ObjectNode schema = null;
        if (type.custom()) {
            JsonNode crd = registry.crdOf(type);
            for (JsonNode version :
                    crd == null
                            ? Json.MAPPER.createArrayNode()
                            : crd.path("spec").path("versions")) {
                if (version.path("name").asText().equals(type.version())
                        && version.path("schema").path("openAPIV3Schema").isObject()) {
                    schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
        }
        if (schema == null) {
            schema = Json.MAPPER.createObjectNode().put("type", "object");
            schema.put("x-kubernetes-preserve-unknown-fields", true);
        }
        ObjectNode properties =
                schema.get("properties") instanceof ObjectNode existing
                        ? existing
                        : schema.putObject("properties");
        properties
                .putObject("apiVersion")
                .put("type", "string")
                .put(
                        "description",
                        "APIVersion defines the versioned schema of this representation of an"
                                + " object.");
        properties
                .putObject("kind")
                .put("type", "string")
                .put(
                        "description",
                        "Kind is a string value representing the REST resource this object"
                                + " represents.");
        properties
                .putObject("metadata")
                .putArray("allOf")
                .addObject()
                .put("$ref", "#/components/schemas/" + OBJECT_META);
        gvk(schema.putArray("x-kubernetes-group-version-kind").addObject(), type);
        return schema;
    }

    private static void gvk(ObjectNode node, ResourceType type) {
        node.put("group", type.group()).put("version", type.version()).put("kind", type.kind());
    }

    /** The schema name a real API server uses: reversed group for CRDs, Go package otherwise. */
    static String schemaName(ResourceType type) {
        if (type.custom()) {
            List<String> labels = new ArrayList<>(List.of(type.group().split("\\.")));
            Collections.reverse(labels);
            return String.join(".", labels) + "." + type.version() + "." + type.kind();
        }
        String pkg = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
        String root =
                type.group().equals(BuiltinResourceTypes.CRD_GROUP)
                        ? "io.k8s.apiextensions-apiserver.pkg.apis"
                        : "io.k8s.api";
        return root + "." + pkg + "." + type.version() + "." + type.kind();
    }

    private static String prefix(ResourceType type) {
        return type.group().isEmpty()
                ? "/api/" + type.version()
                : "/apis/" + type.group() + "/" + type.version();
    }

    private static String hash(ObjectNode document) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(document.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of()
                    .formatHex(digest)
                    .toUpperCase(java.util.Locale.ROOT)
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
