package io.tributary.operator.cluster.model;

import java.util.Map;

/**
 * Writes a {@code server.properties} file, escaping keys and values as java.util.Properties reads
 * them.
 */
final class PropertiesWriter {
    private PropertiesWriter() {}

    static String write(Map<String, String> properties) {
        StringBuilder out = new StringBuilder();
        properties.forEach(
                (key, value) ->
                        out.append(escape(key, true))
                                .append('=')
                                .append(escape(value, false))
                                .append('\n'));
        return out.toString();
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
