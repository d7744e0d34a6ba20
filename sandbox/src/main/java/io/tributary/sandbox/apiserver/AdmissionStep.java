package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sandbox.admission.AdmissionRejected;
import io.tributary.sandbox.admission.CustomResourceAdmission;

/**
 * Runs the custom-resource admission (defaults, pruning, schema and CEL validation) on a create or
 * update of a custom resource, turning a rejection into the API error the client receives and
 * collecting the warnings. Without an admission, objects are stored as sent.
 */
final class AdmissionStep {
    private final CustomResourceAdmission admission;

    AdmissionStep(CustomResourceAdmission admission) {
        this.admission = admission;
    }

    /** The object to store. */
    ObjectNode admit(ObjectNode crd, ObjectNode object, ObjectNode old, WriteOptions options) {
        if (admission == null || crd == null) {
            return object;
        }
        try {
            CustomResourceAdmission.Admitted admitted =
                    admission.admit(crd, object.deepCopy(), old, options.fieldValidation());
            options.warnings().addAll(admitted.warnings());
            return admitted.object();
        } catch (AdmissionRejected rejected) {
            throw ApiError.ofStatus(rejected.code(), rejected.toStatus());
        }
    }
}
