package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sandbox.admission.FieldError.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates an object against an OpenAPI v3 structural schema (types, required fields, enums,
 * bounds, lengths, patterns, item and property counts) and reports errors in the words the API
 * server uses, so that a test or a person sees the same message as from a real cluster.
 */
final class SchemaValidator {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private SchemaValidator() {}

    /** Validates the object (without {@code apiVersion}, {@code kind} and {@code metadata}). */
    static List<FieldError> validate(JsonNode object, JsonNode rootSchema) {
        List<FieldError> errors = new ArrayList<>();
        validateProperties(object, rootSchema, "", errors);
        return errors;
    }

    private static void validate(
            JsonNode value, JsonNode schema, String path, List<FieldError> out) {
        if (value.isNull() && schema.path("nullable").asBoolean()) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                out.add(typeError(path, value, "integer or string"));
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(typeError(path, value, type));
            return;
        }
        validateEnum(value, schema, path, out);
        switch (type) {
            case "string" -> validateString(value.asText(), schema, path, out);
            case "integer", "number" -> validateNumber(value, schema, path, out);
            case "array" -> validateArray(value, schema, path, out);
            case "object" -> validateProperties(value, schema, path, out);
            default -> {}
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" ->
                    value.isIntegralNumber()
                            || (value.isNumber()
                                    && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static FieldError typeError(String path, JsonNode value, String type) {
        String actual = jsonType(value);
        return new FieldError(
                path,
                Type.TYPE_INVALID,
                quote(actual),
                "%s in body must be of type %s: %s".formatted(path, type, quote(actual)));
    }

    private static void validateEnum(
            JsonNode value, JsonNode schema, String path, List<FieldError> out) {
        JsonNode allowed = schema.get("enum");
        if (allowed == null) {
            return;
        }
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value)) {
                return;
            }
        }
        String supported =
                StreamSupport.stream(allowed.spliterator(), false)
                        .map(SchemaValidator::render)
                        .collect(Collectors.joining(", "));
        out.add(
                new FieldError(
                        path, Type.NOT_SUPPORTED, render(value), "supported values: " + supported));
    }

    private static void validateString(
            String value, JsonNode schema, String path, List<FieldError> out) {
        int length = value.codePointCount(0, value.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            out.add(
                    new FieldError(
                            path,
                            Type.TOO_LONG,
                            null,
                            "may not be more than %d bytes"
                                    .formatted(schema.get("maxLength").asInt())));
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            out.add(
                    invalid(
                            path,
                            quote(value),
                            "%s in body should be at least %d chars long"
                                    .formatted(path, schema.get("minLength").asInt())));
        }
        if (schema.has("pattern")) {
            String regex = schema.get("pattern").asText();
            if (!PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(value).find()) {
                out.add(
                        invalid(
                                path,
                                quote(value),
                                "%s in body should match '%s'".formatted(path, regex)));
            }
        }
    }

    private static void validateNumber(
            JsonNode value, JsonNode schema, String path, List<FieldError> out) {
        double number = value.asDouble();
        if (schema.has("minimum")) {
            double minimum = schema.get("minimum").asDouble();
            boolean exclusive = schema.path("exclusiveMinimum").asBoolean();
            if (exclusive ? number <= minimum : number < minimum) {
                out.add(
                        invalid(
                                path,
                                value.toString(),
                                "%s in body should be greater than %s%s"
                                        .formatted(
                                                path,
                                                exclusive ? "" : "or equal to ",
                                                plain(minimum))));
            }
        }
        if (schema.has("maximum")) {
            double maximum = schema.get("maximum").asDouble();
            boolean exclusive = schema.path("exclusiveMaximum").asBoolean();
            if (exclusive ? number >= maximum : number > maximum) {
                out.add(
                        invalid(
                                path,
                                value.toString(),
                                "%s in body should be less than %s%s"
                                        .formatted(
                                                path,
                                                exclusive ? "" : "or equal to ",
                                                plain(maximum))));
            }
        }
    }

    private static void validateArray(
            JsonNode value, JsonNode schema, String path, List<FieldError> out) {
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            out.add(
                    new FieldError(
                            path,
                            Type.TOO_MANY,
                            null,
                            "%d: must have at most %d items"
                                    .formatted(value.size(), schema.get("maxItems").asInt())));
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            out.add(
                    invalid(
                            path,
                            Integer.toString(value.size()),
                            "%s in body should have at least %d items"
                                    .formatted(path, schema.get("minItems").asInt())));
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.get("items"), path + "[" + i + "]", out);
            }
        }
    }

    private static void validateProperties(
            JsonNode value, JsonNode schema, String path, List<FieldError> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(new FieldError(join(path, required.asText()), Type.REQUIRED, null, ""));
            }
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            out.add(
                    new FieldError(
                            path,
                            Type.TOO_MANY,
                            null,
                            "%d: must have at most %d items"
                                    .formatted(value.size(), schema.get("maxProperties").asInt())));
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
            out.add(
                    invalid(
                            path,
                            Integer.toString(value.size()),
                            "%s in body should have at least %d properties"
                                    .formatted(path, schema.get("minProperties").asInt())));
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (path.isEmpty() && isRootField(field.getKey())) {
                continue;
            }
            JsonNode childSchema = properties.get(field.getKey());
            if (childSchema == null && additional.isObject()) {
                childSchema = additional;
            }
            if (childSchema != null) {
                validate(field.getValue(), childSchema, join(path, field.getKey()), out);
            }
        }
    }

    private static boolean isRootField(String name) {
        return name.equals("apiVersion") || name.equals("kind") || name.equals("metadata");
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static FieldError invalid(String path, String value, String detail) {
        return new FieldError(path, Type.INVALID, value, detail);
    }

    private static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isArray()) {
            return "array";
        } else if (value.isNull()) {
            return "null";
        }
        return "object";
    }

    private static String render(JsonNode value) {
        return value.isTextual() ? quote(value.asText()) : value.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
