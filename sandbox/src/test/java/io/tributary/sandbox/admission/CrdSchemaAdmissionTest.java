package io.tributary.sandbox.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The admission mechanics, on a small hand-written CRD: pruning, defaults, rules, messages. */
class CrdSchemaAdmissionTest {
    private static final JsonNode CRD =
            RepositoryFiles.documentsOrScalar(
                    """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    spec:
                      group: example.io
                      names: {kind: Widget}
                      versions:
                        - name: v1
                          served: true
                          schema:
                            openAPIV3Schema:
                              type: object
                              properties:
                                spec:
                                  type: object
                                  required: [size]
                                  x-kubernetes-validations:
                                    - rule: "self.size == oldSelf.size"
                                      fieldPath: .size
                                      reason: FieldValueForbidden
                                      message: cannot be changed
                                  properties:
                                    size: {type: integer, minimum: 1}
                                    colour: {type: string, default: blue, enum: [blue, red]}
                                    limits:
                                      type: object
                                      default: {}
                                      properties:
                                        cpu: {x-kubernetes-int-or-string: true, default: 1}
                                    free:
                                      type: object
                                      x-kubernetes-preserve-unknown-fields: true
                                    labels:
                                      type: object
                                      additionalProperties: {type: string}
                                    note: {type: string, nullable: true}
                                    plain: {type: string}
                    """);

    private final CrdSchemaAdmission admission = new CrdSchemaAdmission();

    @Test
    void appliesDefaultsTopDownIncludingInsideADefaultedObject() throws Exception {
        ObjectNode admitted = admit("{size: 1}", null, FieldValidation.STRICT);
        assertThat(admitted.at("/spec/colour").asText()).isEqualTo("blue");
        assertThat(admitted.at("/spec/limits/cpu").asInt()).isEqualTo(1);
    }

    @Test
    void doesNotOverwriteWhatTheUserWrote() throws Exception {
        ObjectNode admitted =
                admit(
                        "{size: 1, colour: red, limits: {cpu: '500m'}}",
                        null,
                        FieldValidation.STRICT);
        assertThat(admitted.at("/spec/colour").asText()).isEqualTo("red");
        assertThat(admitted.at("/spec/limits/cpu").asText()).isEqualTo("500m");
    }

    @Test
    void strictFieldValidationRejectsUnknownFieldsWith400() {
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> admit("{size: 1, colur: red}", null, FieldValidation.STRICT));
        assertThat(rejected.code()).isEqualTo(400);
        assertThat(rejected.getMessage())
                .contains("strict decoding error: unknown field \"spec.colur\"");
        assertThat(rejected.toStatus().path("reason").asText()).isEqualTo("BadRequest");
    }

    @Test
    void warnModePrunesUnknownFieldsAndWarns() throws Exception {
        var admitted =
                admission.admit(CRD, widget("{size: 1, colur: red}"), null, FieldValidation.WARN);
        assertThat(admitted.object().at("/spec").has("colur")).isFalse();
        assertThat(admitted.warnings()).containsExactly("unknown field \"spec.colur\"");
    }

    @Test
    void keepsFieldsUnderPreserveUnknownFieldsAndMapEntries() throws Exception {
        ObjectNode admitted =
                admit(
                        "{size: 1, free: {any: {thing: 1}}, labels: {a: b}}",
                        null,
                        FieldValidation.STRICT);
        assertThat(admitted.at("/spec/free/any/thing").asInt()).isEqualTo(1);
        assertThat(admitted.at("/spec/labels/a").asText()).isEqualTo("b");
    }

    @Test
    void dropsNullsOfNonNullableFieldsAndKeepsNullableOnes() throws Exception {
        ObjectNode admitted =
                admit("{size: 1, plain: null, note: null}", null, FieldValidation.STRICT);
        assertThat(admitted.at("/spec").has("plain")).isFalse();
        assertThat(admitted.at("/spec/note").isNull()).isTrue();
    }

    @Test
    void intOrStringAcceptsBothAndNothingElse() {
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () ->
                                admit(
                                        "{size: 1, limits: {cpu: true}}",
                                        null,
                                        FieldValidation.STRICT));
        assertThat(rejected.causes())
                .singleElement()
                .extracting(FieldError::field)
                .isEqualTo("spec.limits.cpu");
    }

    @Test
    void transitionRulesRunOnUpdateOnly() throws Exception {
        ObjectNode stored = admit("{size: 1}", null, FieldValidation.STRICT);
        assertThat(admit("{size: 2}", null, FieldValidation.STRICT).at("/spec/size").asInt())
                .isEqualTo(2);
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> admit("{size: 2}", stored, FieldValidation.STRICT));
        assertThat(rejected.causes())
                .singleElement()
                .hasToString("spec.size: Forbidden: cannot be changed");
    }

    @Test
    void anUpdateOfMetadataAloneIsNotValidatedAgainLikeTheApiServersRatcheting() throws Exception {
        // Stored, defaults and all, before a rule that its value breaks.
        ObjectNode stored = widget("{size: 0, colour: blue, limits: {cpu: 1}}");
        ObjectNode withFinalizer = stored.deepCopy();
        ((ObjectNode) withFinalizer.get("metadata")).putArray("finalizers").add("example.io/f");

        ObjectNode admitted =
                admission.admit(CRD, withFinalizer, stored, FieldValidation.STRICT).object();

        assertThat(admitted.at("/metadata/finalizers/0").asText()).isEqualTo("example.io/f");
        AdmissionRejected changed =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> admit("{size: 0, colour: red}", stored, FieldValidation.STRICT));
        assertThat(changed.causes()).extracting(FieldError::field).containsExactly("spec.size");
    }

    @Test
    void reportsEveryErrorInOneStatusLikeTheApiServer() {
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> admit("{colour: green}", null, FieldValidation.STRICT));
        assertThat(rejected.code()).isEqualTo(422);
        assertThat(rejected.getMessage())
                .isEqualTo(
                        "Widget.example.io \"w\" is invalid: [spec.size: Required value,"
                                + " spec.colour: Unsupported value: \"green\": supported values:"
                                + " \"blue\", \"red\"]");
        ObjectNode status = rejected.toStatus();
        assertThat(status.path("code").asInt()).isEqualTo(422);
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.size");
        assertThat(status.at("/details/causes/0/reason").asText()).isEqualTo("FieldValueRequired");
    }

    @Test
    void unservedVersionIsRejected() {
        ObjectNode widget = widget("{size: 1}");
        widget.put("apiVersion", "example.io/v2");
        AdmissionRejected rejected =
                catchThrowableOfType(
                        AdmissionRejected.class,
                        () -> admission.admit(CRD, widget, null, FieldValidation.STRICT));
        assertThat(rejected.causes())
                .singleElement()
                .extracting(FieldError::field)
                .isEqualTo("apiVersion");
    }

    @Test
    void leavesTheRequestObjectUntouched() throws Exception {
        ObjectNode request = widget("{size: 1, colur: red}");
        ObjectNode copy = request.deepCopy();
        admission.admit(CRD, request, null, FieldValidation.WARN);
        assertThat(request).isEqualTo(copy);
    }

    private ObjectNode admit(String spec, ObjectNode old, FieldValidation validation)
            throws AdmissionRejected {
        return admission.admit(CRD, widget(spec), old, validation).object();
    }

    private static ObjectNode widget(String spec) {
        ObjectNode widget =
                (ObjectNode)
                        RepositoryFiles.documentsOrScalar(
                                "{apiVersion: example.io/v1, kind: Widget, metadata: {name: w}}");
        widget.set("spec", RepositoryFiles.documentsOrScalar(spec));
        return widget;
    }
}
