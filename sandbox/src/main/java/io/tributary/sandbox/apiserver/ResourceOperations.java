package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Create, replace and patch with the object semantics of a real API server: system metadata (uid,
 * creationTimestamp, resourceVersion, generation), {@code generateName}, optimistic concurrency,
 * the status subresource, finalizers of objects being deleted, and admission of custom resources.
 * Each operation runs under the store's write lock.
 */
final class ResourceOperations {
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
    private static final List<String> SYSTEM_FIELDS =
            List.of(
                    "uid",
                    "creationTimestamp",
                    "deletionTimestamp",
                    "deletionGracePeriodSeconds",
                    "generation");

    private final ObjectStore store;
    private final ResourceTypeRegistry registry;
    private final AdmissionStep admission;
    private final ObjectDeleter deleter;
    private final NamespaceLifecycle namespaces;
    private final CrdLifecycle crds;
    private final SecureRandom random = new SecureRandom();
    private final BuiltinDefaults defaults = new BuiltinDefaults();

    ResourceOperations(
            ObjectStore store,
            ResourceTypeRegistry registry,
            AdmissionStep admission,
            ObjectDeleter deleter,
            NamespaceLifecycle namespaces,
            CrdLifecycle crds) {
        this.store = store;
        this.registry = registry;
        this.admission = admission;
        this.deleter = deleter;
        this.namespaces = namespaces;
        this.crds = crds;
    }

    StoredObject create(
            ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
        return store.write(() -> doCreate(type, namespace, body, options));
    }

    /** PUT: the whole object, or with {@code statusOnly} its status. */
    StoredObject replace(
            ResourceType type,
            String namespace,
            String name,
            ObjectNode body,
            boolean statusOnly,
            WriteOptions options) {
        return store.write(
                () -> {
                    StoredObject old = existing(type, namespace, name);
                    checkIdentity(type, namespace, name, body);
                    checkPrecondition(type, old, body);
                    return update(type, old, body, statusOnly, options);
                });
    }

    /** PATCH, of the whole object or with {@code statusOnly} of its status. */
    StoredObject patch(
            ResourceType type,
            String namespace,
            String name,
            String contentType,
            byte[] patch,
            boolean statusOnly,
            WriteOptions options) {
        return store.write(
                () -> {
                    StoredObject old = existing(type, namespace, name);
                    ObjectNode patched = PatchApplier.apply(old.copy(), contentType, patch);
                    checkIdentity(type, namespace, name, patched);
                    checkPrecondition(type, old, patched);
                    return update(type, old, patched, statusOnly, options);
                });
    }

    private StoredObject doCreate(
            ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
        ObjectNode object = body.deepCopy();
        checkKind(type, object);
        object.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        ObjectNode metadata = Json.metadata(object);
        String bodyNamespace = Json.text(metadata, "namespace");
        if (type.namespaced()) {
            if (bodyNamespace != null
                    && !bodyNamespace.isEmpty()
                    && !bodyNamespace.equals(namespace)) {
                throw ApiError.badRequest(
                        "the namespace of the provided object does not match the namespace sent"
                                + " on the request");
            }
            namespaces.requireActive(namespace);
            metadata.put("namespace", namespace);
        } else {
            metadata.remove("namespace");
        }
        String name = Json.text(metadata, "name");
        if (name == null || name.isEmpty()) {
            String prefix = Json.text(metadata, "generateName");
            if (prefix == null || prefix.isEmpty()) {
                throw ApiError.invalid(
                        type,
                        "",
                        "metadata.name: Required value: name or generateName is required");
            }
            name = generateName(type, namespace, prefix);
            metadata.put("name", name);
        }
        if (store.get(type.storageKey(), type.namespaced() ? namespace : "", name) != null) {
            throw ApiError.alreadyExists(type, name);
        }
        SYSTEM_FIELDS.forEach(metadata::remove);
        metadata.remove(List.of("resourceVersion", "managedFields", "selfLink"));
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", Json.timestamp(Instant.now()));
        if (type.hasGeneration()) {
            metadata.put("generation", 1);
        }
        if (type.statusSubresource()) {
            object.remove("status");
        }
        InitialState.apply(type, object);
        defaults.apply(type, object, null);
        if (isCrd(type)) {
            crds.prepare(object);
        }
        if (type.custom()) {
            object =
                    keepSystemFields(
                            admission.admit(registry.crdOf(type), object, null, options), metadata);
        }
        if (options.dryRun()) {
            return preview(type, object);
        }
        StoredObject stored = store.put(type.storageKey(), object);
        if (isCrd(type)) {
            crds.established(stored);
        }
        return stored;
    }

    /** Stores a new version of {@code old}: the shared path of PUT, PATCH and finalizer removal. */
    StoredObject update(
            ResourceType type,
            StoredObject old,
            ObjectNode candidate,
            boolean statusOnly,
            WriteOptions options) {
        ObjectNode object;
        if (statusOnly) {
            object = old.copy();
            JsonNode status = candidate.get("status");
            if (status == null) {
                object.remove("status");
            } else {
                object.set("status", status);
            }
        } else {
            object = candidate.deepCopy();
            checkKind(type, object);
            if (type.statusSubresource()) {
                JsonNode status = old.object().get("status");
                if (status == null) {
                    object.remove("status");
                } else {
                    object.set("status", status.deepCopy());
                }
            }
        }
        if (!statusOnly) {
            defaults.apply(type, object, old.object());
        }
        object.put("apiVersion", old.object().path("apiVersion").asText()).put("kind", type.kind());
        ObjectNode metadata = Json.metadata(object);
        copySystemFields(old.object().path("metadata"), metadata);
        metadata.remove(List.of("managedFields", "selfLink"));
        metadata.put("resourceVersion", String.valueOf(old.resourceVersion()));
        if (old.deleting()) {
            rejectNewFinalizers(type, old, object);
        }
        if (isCrd(type) && !statusOnly) {
            crds.prepare(object);
        }
        if (type.custom() && !statusOnly) {
            object =
                    keepSystemFields(
                            admission.admit(registry.crdOf(type), object, old.copy(), options),
                            metadata);
        }
        if (type.hasGeneration() && specChanged(old.object(), object, type)) {
            Json.metadata(object)
                    .put(
                            "generation",
                            old.object().path("metadata").path("generation").asLong(0) + 1);
        }
        if (object.equals(old.object())) {
            return old; // A no-op write keeps the resourceVersion and sends no event.
        }
        if (options.dryRun()) {
            return preview(type, object);
        }
        StoredObject stored = store.put(type.storageKey(), object);
        if (isCrd(type)) {
            crds.established(stored);
        }
        if (stored.deleting()) {
            return deleter.removeIfFinished(stored);
        }
        return stored;
    }

    StoredObject existing(ResourceType type, String namespace, String name) {
        StoredObject object =
                store.get(type.storageKey(), type.namespaced() ? namespace : "", name);
        if (object == null) {
            throw ApiError.notFound(type, name);
        }
        return object;
    }

    private void checkIdentity(ResourceType type, String namespace, String name, ObjectNode body) {
        String bodyName = Json.text(body, "metadata", "name");
        if (bodyName != null && !bodyName.equals(name)) {
            throw ApiError.badRequest(
                    "the name of the object (%s) does not match the name on the URL (%s)"
                            .formatted(bodyName, name));
        }
        String bodyNamespace = Json.text(body, "metadata", "namespace");
        if (type.namespaced()
                && bodyNamespace != null
                && !bodyNamespace.isEmpty()
                && !bodyNamespace.equals(namespace)) {
            throw ApiError.badRequest(
                    "the namespace of the provided object does not match the namespace sent on"
                            + " the request");
        }
    }

    /** A stale {@code metadata.resourceVersion} in the new object is a 409 Conflict. */
    private static void checkPrecondition(ResourceType type, StoredObject old, ObjectNode body) {
        String version = Json.text(body, "metadata", "resourceVersion");
        if (version != null
                && !version.isEmpty()
                && !version.equals(String.valueOf(old.resourceVersion()))) {
            throw ApiError.modified(type, old.name());
        }
    }

    private static void checkKind(ResourceType type, ObjectNode object) {
        String kind = Json.text(object, "kind");
        if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiError.badRequest(
                    "the kind of the object (%s) does not match the kind of the URL (%s)"
                            .formatted(kind, type.kind()));
        }
    }

    private static void rejectNewFinalizers(
            ResourceType type, StoredObject old, ObjectNode object) {
        Set<String> before = new HashSet<>();
        old.finalizers().forEach(f -> before.add(f.asText()));
        for (JsonNode finalizer : object.path("metadata").path("finalizers")) {
            if (!before.contains(finalizer.asText())) {
                throw ApiError.invalid(
                        type,
                        old.name(),
                        "metadata.finalizers: Forbidden: no new finalizers can be added if the"
                                + " object is being deleted");
            }
        }
    }

    /** Whether anything but metadata (and status, when it is a subresource) changed. */
    private static boolean specChanged(JsonNode old, ObjectNode object, ResourceType type) {
        ObjectNode before = old.deepCopy();
        ObjectNode after = object.deepCopy();
        before.remove("metadata");
        after.remove("metadata");
        if (type.statusSubresource()) {
            before.remove("status");
            after.remove("status");
        }
        return !before.equals(after);
    }

    private static void copySystemFields(JsonNode from, ObjectNode to) {
        to.put("name", from.path("name").asText());
        if (from.has("namespace")) {
            to.put("namespace", from.path("namespace").asText());
        }
        for (String field : SYSTEM_FIELDS) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            } else {
                to.remove(field);
            }
        }
    }

    /** The admitted object with the system metadata the server set, whatever admission did. */
    private static ObjectNode keepSystemFields(ObjectNode admitted, ObjectNode metadata) {
        ObjectNode copy = admitted.deepCopy();
        ObjectNode target = Json.metadata(copy);
        copySystemFields(metadata, target);
        if (metadata.has("resourceVersion")) {
            target.set("resourceVersion", metadata.get("resourceVersion"));
        }
        return copy;
    }

    private StoredObject preview(ResourceType type, ObjectNode object) {
        ObjectNode metadata = Json.metadata(object);
        if (!metadata.has("resourceVersion")) {
            metadata.put("resourceVersion", String.valueOf(store.resourceVersion()));
        }
        return new StoredObject(type.storageKey(), object);
    }

    private String generateName(ResourceType type, String namespace, String prefix) {
        String scope = type.namespaced() ? namespace : "";
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < 5; i++) {
                name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
            }
            if (store.get(type.storageKey(), scope, name.toString()) == null) {
                return name.toString();
            }
        }
        throw ApiError.alreadyExists(type, prefix);
    }

    private static boolean isCrd(ResourceType type) {
        return type.group().equals(BuiltinResourceTypes.CRD_GROUP);
    }
}
