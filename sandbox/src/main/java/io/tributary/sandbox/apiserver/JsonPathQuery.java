package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Kubernetes JSONPath that printer columns use: {@code .a.b}, {@code ['a']}, {@code
 * [0]}, {@code [*]} and filters {@code [?(@.type=="Ready")]} with {@code ==} or {@code !=}.
 */
final class JsonPathQuery {
    private final String expression;
    private int position;

    private JsonPathQuery(String expression) {
        this.expression = expression;
    }

    /** The values the path selects, in document order. */
    static List<JsonNode> evaluate(JsonNode root, String path) {
        String expression = path.trim();
        if (expression.startsWith("{") && expression.endsWith("}")) {
            expression = expression.substring(1, expression.length() - 1).trim();
        }
        if (expression.startsWith("$")) {
            expression = expression.substring(1);
        }
        return new JsonPathQuery(expression).run(root);
    }

    private List<JsonNode> run(JsonNode root) {
        List<JsonNode> current = List.of(root);
        while (position < expression.length()) {
            char c = expression.charAt(position);
            if (c == '.') {
                position++;
                String field = readName();
                if (!field.isEmpty()) {
                    current = children(current, field);
                }
            } else if (c == '[') {
                int end = closingBracket(position);
                current = bracket(current, expression.substring(position + 1, end).trim());
                position = end + 1;
            } else {
                current = children(current, readName());
            }
        }
        return current;
    }

    private String readName() {
        int start = position;
        while (position < expression.length()
                && expression.charAt(position) != '.'
                && expression.charAt(position) != '[') {
            position++;
        }
        return expression.substring(start, position);
    }

    private int closingBracket(int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed [ in " + expression);
    }

    private static List<JsonNode> bracket(List<JsonNode> nodes, String inside) {
        if (inside.equals("*")) {
            List<JsonNode> result = new ArrayList<>();
            nodes.forEach(n -> n.forEach(result::add));
            return result;
        }
        if (inside.startsWith("?(") && inside.endsWith(")")) {
            return filter(nodes, inside.substring(2, inside.length() - 1).trim());
        }
        if (isQuoted(inside)) {
            return children(nodes, inside.substring(1, inside.length() - 1));
        }
        int index = Integer.parseInt(inside);
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                JsonNode element = node.get(index < 0 ? node.size() + index : index);
                if (element != null) {
                    result.add(element);
                }
            }
        }
        return result;
    }

    private static List<JsonNode> filter(List<JsonNode> nodes, String condition) {
        boolean negated = condition.contains("!=");
        String[] sides = condition.split(negated ? "!=" : "==", 2);
        String left = sides[0].trim();
        String right = sides.length > 1 ? sides[1].trim() : null;
        String literal =
                right != null && isQuoted(right) ? right.substring(1, right.length() - 1) : right;
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode node : nodes) {
            for (JsonNode element : node.isArray() ? node : List.of(node)) {
                List<JsonNode> values =
                        evaluate(element, left.startsWith("@") ? left.substring(1) : left);
                boolean matches =
                        right == null
                                ? !values.isEmpty()
                                : values.stream().anyMatch(v -> v.asText().equals(literal));
                if (matches != (negated && right != null)) {
                    result.add(element);
                }
            }
        }
        return result;
    }

    private static List<JsonNode> children(List<JsonNode> nodes, String field) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode node : nodes) {
            JsonNode child = node.isObject() ? node.get(field) : null;
            if (child != null && !child.isNull()) {
                result.add(child);
            }
        }
        return result;
    }

    private static boolean isQuoted(String text) {
        return text.length() >= 2
                && ((text.startsWith("\"") && text.endsWith("\""))
                        || (text.startsWith("'") && text.endsWith("'")));
    }
}
