package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sandbox.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The API server's admission of custom resources, from their CRD alone: prune unknown fields
 * (rejected under strict field validation, a warning otherwise), apply schema defaults, validate
 * the name and the OpenAPI schema, then the CEL rules.
 */
public final class CrdSchemaAdmission implements CustomResourceAdmission {
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    @Override
    public Admitted admit(
            JsonNode crd, ObjectNode object, ObjectNode oldObject, FieldValidation fieldValidation)
            throws AdmissionRejected {
        String kind = crd.path("spec").path("names").path("kind").asText();
        String group = crd.path("spec").path("group").asText();
        String name = object.path("metadata").path("name").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode schema = schemaOf(crd, version);
        if (schema == null) {
            throw AdmissionRejected.invalid(
                    kind,
                    group,
                    name,
                    List.of(
                            new FieldError(
                                    "apiVersion",
                                    Type.NOT_SUPPORTED,
                                    "\"" + apiVersion + "\"",
                                    "no served version " + version + " of " + kind)));
        }

        ObjectNode admitted = object.deepCopy();
        List<String> unknown = SchemaPruner.prune(admitted, schema);
        if (!unknown.isEmpty() && fieldValidation == FieldValidation.STRICT) {
            throw AdmissionRejected.unknownFields(kind, group, version, unknown);
        }
        SchemaDefaulter.applyDefaults(admitted, schema);

        List<FieldError> errors = new ArrayList<>(validateName(admitted));
        if (!unchangedButMetadata(admitted, oldObject)) {
            errors.addAll(SchemaValidator.validate(admitted, schema));
            if (errors.isEmpty()) {
                errors.addAll(CelRuleValidator.validate(admitted, oldObject, schema));
            }
        }
        if (!errors.isEmpty()) {
            throw AdmissionRejected.invalid(kind, group, name, errors);
        }
        List<String> warnings =
                fieldValidation == FieldValidation.WARN
                        ? unknown.stream().map(p -> "unknown field \"" + p + "\"").toList()
                        : List.of();
        return new Admitted(admitted, warnings);
    }

    /**
     * Whether an update changes nothing but metadata (a finalizer, a label): the real API server's
     * validation ratcheting lets an unchanged value through whatever its schema says, so validating
     * it again could only find errors that would be ignored.
     */
    static boolean unchangedButMetadata(ObjectNode object, ObjectNode oldObject) {
        if (oldObject == null) {
            return false;
        }
        java.util.Set<String> fields = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(fields::add);
        oldObject.fieldNames().forEachRemaining(fields::add);
        fields.remove("metadata");
        return fields.stream().allMatch(f -> Objects.equals(object.get(f), oldObject.get(f)));
    }

    /** The {@code openAPIV3Schema} of a served version of the CRD, or null. */
    static JsonNode schemaOf(JsonNode crd, String version) {
        for (JsonNode candidate : crd.path("spec").path("versions")) {
            if (candidate.path("name").asText().equals(version)
                    && candidate.path("served").asBoolean(true)) {
                return candidate.path("schema").path("openAPIV3Schema");
            }
        }
        return null;
    }

    private static List<FieldError> validateName(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            return metadata.hasNonNull("generateName")
                    ? List.of()
                    : List.of(
                            new FieldError(
                                    "metadata.name",
                                    Type.REQUIRED,
                                    null,
                                    "name or generateName is required"));
        }
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return List.of(
                    new FieldError(
                            "metadata.name",
                            Type.INVALID,
                            "\"" + name + "\"",
                            "a lowercase RFC 1123 subdomain must consist of lower case"
                                    + " alphanumeric characters, '-' or '.', and must start and"
                                    + " end with an alphanumeric character (e.g. 'example.com',"
                                    + " regex used for validation is '"
                                    + DNS_SUBDOMAIN.pattern()
                                    + "')"));
        }
        return List.of();
    }
}
