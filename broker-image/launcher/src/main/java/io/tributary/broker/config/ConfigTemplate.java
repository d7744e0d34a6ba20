package io.tributary.broker.config;

import io.tributary.broker.LauncherException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} placeholders in the server.properties template, from the values the
 * launcher computes first and then from the environment.
 *
 * <p>Only names made of letters, digits and underscores are placeholders, so Kafka's own config
 * provider references such as {@code ${file:/path:key}} pass through untouched.
 */
public final class ConfigTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ConfigTemplate() {}

    public static String render(
            String template, Map<String, String> computed, Map<String, String> env) {
        Set<String> unresolved = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder(template.length());
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = computed.containsKey(name) ? computed.get(name) : env.get(name);
            if (value == null) {
                unresolved.add(name);
                value = matcher.group();
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        if (!unresolved.isEmpty()) {
            throw new LauncherException(
                    "The server.properties template has unresolved placeholders: "
                            + unresolved.stream()
                                    .map(n -> "${" + n + "}")
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElseThrow()
                            + " (neither computed by the launcher nor set in the environment)");
        }
        return rendered.toString();
    }
}
