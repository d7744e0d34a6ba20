package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * One column of a {@code meta.k8s.io/v1 Table}: its definition and how a cell is computed from an
 * object ({@code null} for an empty cell).
 */
record TableColumn(
        String name, String type, String format, int priority, Function<JsonNode, Object> cell) {

    static TableColumn of(String name, Function<JsonNode, Object> cell) {
        return new TableColumn(name, "string", "", 0, cell);
    }

    static TableColumn wide(String name, Function<JsonNode, Object> cell) {
        return new TableColumn(name, "string", "", 1, cell);
    }

    static TableColumn objectName() {
        return new TableColumn("Name", "string", "name", 0, o -> Json.text(o, "metadata", "name"));
    }

    static TableColumn age() {
        return new TableColumn(
                "Age",
                "string",
                "",
                0,
                o -> HumanDuration.since(Json.text(o, "metadata", "creationTimestamp")));
    }

    /** A column of a CRD's {@code additionalPrinterColumns}, computed as the API server does. */
    static TableColumn printerColumn(JsonNode definition) {
        String type = definition.path("type").asText("string");
        String path = definition.path("jsonPath").asText();
        return new TableColumn(
                definition.path("name").asText(),
                type,
                definition.path("format").asText(""),
                definition.path("priority").asInt(0),
                object -> {
                    List<JsonNode> values;
                    try {
                        values = JsonPathQuery.evaluate(object, path);
                    } catch (RuntimeException e) {
                        return null;
                    }
                    return values.isEmpty() ? null : cellValue(type, values.get(0));
                });
    }

    private static Object cellValue(String type, JsonNode value) {
        return switch (type) {
            case "integer" -> value.canConvertToLong() && value.isNumber() ? value.asLong() : null;
            case "number" -> value.isNumber() ? value.numberValue() : null;
            case "boolean" -> value.isBoolean() ? value.asBoolean() : null;
            case "date" -> value.isTextual() ? HumanDuration.since(value.asText()) : null;
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }
}
