package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sandbox.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a schema against an object: every rule at
 * every node the object has, transition rules (those using {@code oldSelf}) only on update and only
 * where the old object has the same node. A failed rule becomes a field error at the rule's {@code
 * fieldPath} with its reason, message or {@code messageExpression}.
 */
final class CelRuleValidator {
    private CelRuleValidator() {}

    /** Validates the object against the rules; {@code oldObject} is null on create. */
    static List<FieldError> validate(JsonNode object, JsonNode oldObject, JsonNode rootSchema) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : rootSchema.path("properties").properties()) {
            JsonNode value = object.get(property.getKey());
            JsonNode old = oldObject == null ? null : oldObject.get(property.getKey());
            if (value != null) {
                validate(value, old, property.getValue(), property.getKey(), errors);
            }
        }
        return errors;
    }

    private static void validate(
            JsonNode value, JsonNode old, JsonNode schema, String path, List<FieldError> out) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            evaluate(rule, value, old, schema, path).ifPresent(out::add);
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode childSchema = properties.get(field.getKey());
                if (childSchema == null && additional.isObject()) {
                    childSchema = additional;
                }
                if (childSchema != null) {
                    JsonNode oldChild = old == null ? null : old.get(field.getKey());
                    validate(
                            field.getValue(),
                            oldChild,
                            childSchema,
                            SchemaValidator.join(path, field.getKey()),
                            out);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            // Items of a plain list cannot be matched with the old list's items, so transition
            // rules inside them are not evaluated (the API server only correlates map and set
            // lists).
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), null, schema.get("items"), path + "[" + i + "]", out);
            }
        }
    }

    private static java.util.Optional<FieldError> evaluate(
            JsonNode rule, JsonNode value, JsonNode old, JsonNode schema, String path) {
        String expression = rule.path("rule").asText();
        if (CelRules.isTransitionRule(expression) && old == null) {
            return java.util.Optional.empty();
        }
        String field = path + rule.path("fieldPath").asText("");
        String type = "\"" + schema.path("type").asText("object") + "\"";
        Object result;
        try {
            result = CelRules.evaluate(expression, value, old);
        } catch (Exception e) {
            return java.util.Optional.of(
                    new FieldError(
                            field, Type.INVALID, type, "rule evaluation error: " + e.getMessage()));
        }
        if (Boolean.TRUE.equals(result)) {
            return java.util.Optional.empty();
        }
        String message = message(rule, value, old, expression);
        Type errorType = Type.fromReason(rule.path("reason").asText("FieldValueInvalid"));
        String shown = errorType == Type.INVALID || errorType == Type.DUPLICATE ? type : null;
        if (errorType == Type.DUPLICATE) {
            // The API server reports a duplicate with the value only, without the message.
            message = "";
        }
        return java.util.Optional.of(new FieldError(field, errorType, shown, message));
    }

    private static String message(JsonNode rule, JsonNode value, JsonNode old, String expression) {
        if (rule.has("messageExpression")) {
            try {
                Object text = CelRules.evaluate(rule.get("messageExpression").asText(), value, old);
                if (text instanceof String s && !s.isBlank()) {
                    return s;
                }
            } catch (Exception e) {
                // Falls back to the static message, as the API server does.
            }
        }
        if (rule.hasNonNull("message")) {
            return rule.get("message").asText();
        }
        return "failed rule: " + expression;
    }
}
