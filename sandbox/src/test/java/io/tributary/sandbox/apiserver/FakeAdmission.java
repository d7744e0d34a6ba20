package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sandbox.admission.AdmissionRejected;
import io.tributary.sandbox.admission.CustomResourceAdmission;
import io.tributary.sandbox.admission.FieldError;
import io.tributary.sandbox.admission.FieldValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the real admission, for tests: rejects {@code spec.partitions < 1}, treats {@code
 * spec.bogus} as an unknown field (pruned with a warning, or rejected when strict), and defaults
 * {@code spec.deletionPolicy} to {@code Delete}. Remembers the last call.
 */
final class FakeAdmission implements CustomResourceAdmission {
    volatile FieldValidation lastFieldValidation;
    volatile ObjectNode lastOldObject;
    volatile int calls;

    @Override
    public Admitted admit(
            JsonNode crd, ObjectNode object, ObjectNode oldObject, FieldValidation fieldValidation)
            throws AdmissionRejected {
        calls++;
        lastFieldValidation = fieldValidation;
        lastOldObject = oldObject;
        String kind = crd.path("spec").path("names").path("kind").asText();
        String group = crd.path("spec").path("group").asText();
        String name = object.path("metadata").path("name").asText();
        ObjectNode admitted = object.deepCopy();
        List<String> warnings = new ArrayList<>();
        if (admitted.path("spec") instanceof ObjectNode spec) {
            if (spec.has("bogus")) {
                if (fieldValidation == FieldValidation.STRICT) {
                    throw AdmissionRejected.unknownFields(
                            kind, group, "v1alpha1", List.of("spec.bogus"));
                }
                spec.remove("bogus");
                if (fieldValidation == FieldValidation.WARN) {
                    warnings.add("unknown field \"spec.bogus\"");
                }
            }
            if (spec.has("partitions") && spec.path("partitions").asInt() < 1) {
                throw AdmissionRejected.invalid(
                        kind,
                        group,
                        name,
                        List.of(
                                new FieldError(
                                        "spec.partitions",
                                        FieldError.Type.INVALID,
                                        spec.path("partitions").asText(),
                                        "spec.partitions in body should be greater than or equal to"
                                                + " 1")));
            }
            if (kind.equals("KafkaTopic") && !spec.has("deletionPolicy")) {
                spec.put("deletionPolicy", "Delete");
            }
        }
        return new Admitted(admitted, warnings);
    }
}
