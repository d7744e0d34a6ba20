package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, which {@code kubectl get} asks for: custom
 * resources with their CRD's printer columns (or Name and Age), built-ins with {@link
 * BuiltinColumns}. Rows carry the object as {@code includeObject} asks: its metadata (default), the
 * whole object, or nothing.
 */
final class TableConverter {
    private static final String NAME_DESCRIPTION =
            "Name must be unique within a namespace. Is required when creating resources,"
                    + " although some resources may allow a client to request the generation of"
                    + " an appropriate name automatically.";

    private TableConverter() {}

    static List<TableColumn> columns(ResourceType type) {
        if (!type.custom()) {
            return BuiltinColumns.of(type);
        }
        List<TableColumn> columns = new ArrayList<>();
        columns.add(TableColumn.objectName());
        JsonNode printerColumns = type.printerColumns();
        if (printerColumns == null || printerColumns.isEmpty()) {
            columns.add(TableColumn.age());
        } else {
            printerColumns.forEach(c -> columns.add(TableColumn.printerColumn(c)));
        }
        return columns;
    }

    static ObjectNode table(
            ResourceType type, List<StoredObject> objects, long resourceVersion, String include) {
        List<TableColumn> columns = columns(type);
        ObjectNode table = Json.MAPPER.createObjectNode();
        table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", String.valueOf(resourceVersion));
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (TableColumn column : columns) {
            definitions
                    .addObject()
                    .put("name", column.name())
                    .put("type", column.type())
                    .put("format", column.format())
                    .put(
                            "description",
                            column.format().equals("name") ? NAME_DESCRIPTION : column.name())
                    .put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (StoredObject object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (TableColumn column : columns) {
                Object value = column.cell().apply(object.object());
                cells.add(value == null ? Json.MAPPER.nullNode() : Json.MAPPER.valueToTree(value));
            }
            JsonNode rowObject = rowObject(type, object, include);
            if (rowObject != null) {
                row.set("object", rowObject);
            }
        }
        return table;
    }

    private static JsonNode rowObject(ResourceType type, StoredObject object, String include) {
        if ("None".equals(include)) {
            return null;
        }
        if ("Object".equals(include)) {
            ObjectNode copy = object.copy();
            copy.put("apiVersion", type.apiVersion());
            return copy;
        }
        ObjectNode partial = Json.MAPPER.createObjectNode();
        partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.object().path("metadata").deepCopy());
        return partial;
    }
}
