package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Admits a custom resource being created or updated, against its CustomResourceDefinition, as the
 * API server does: applies schema defaults, prunes unknown fields, then validates the OpenAPI
 * schema and the CEL rules (transition rules against the old object on update).
 */
public interface CustomResourceAdmission {

    /** What to store, and warnings for the client (the {@code Warning} response header). */
    record Admitted(ObjectNode object, List<String> warnings) {}

    /**
     * @param crd the CustomResourceDefinition of the resource
     * @param object the object as sent by the client (not modified)
     * @param oldObject the stored object on update, {@code null} on create
     * @return the object to store: defaulted and pruned
     * @throws AdmissionRejected when the object is invalid (422) or has unknown fields under strict
     *     field validation (400)
     */
    Admitted admit(
            JsonNode crd, ObjectNode object, ObjectNode oldObject, FieldValidation fieldValidation)
            throws AdmissionRejected;
}
