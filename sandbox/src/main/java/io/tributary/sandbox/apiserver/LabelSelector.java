package io.tributary.sandbox.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector}: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k} (exists) and {@code !k}, joined by commas.
 */
final class LabelSelector {
    private static final Pattern SET =
            Pattern.compile("^\\s*([^\\s!=(),]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*$");

    /** One requirement; {@code values} is empty for exists and does-not-exist. */
    record Requirement(String key, Operator operator, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }

    /** How a requirement tests a label. */
    enum Operator {
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST
    }

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            requirements.add(requirement(part.trim(), selector));
        }
        return new LabelSelector(requirements);
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    boolean isEverything() {
        return requirements.isEmpty();
    }

    List<Requirement> requirements() {
        return requirements;
    }

    private static Requirement requirement(String part, String selector) {
        Matcher set = SET.matcher(part);
        if (set.matches()) {
            Set<String> values = new java.util.HashSet<>();
            for (String value : set.group(3).split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
            Operator operator = set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN;
            return new Requirement(set.group(1), operator, Set.copyOf(values));
        }
        int notEquals = part.indexOf("!=");
        if (notEquals > 0) {
            return new Requirement(
                    key(part.substring(0, notEquals), selector),
                    Operator.NOT_IN,
                    Set.of(part.substring(notEquals + 2).trim()));
        }
        int equals = part.indexOf('=');
        if (equals > 0) {
            int valueStart = part.startsWith("==", equals) ? equals + 2 : equals + 1;
            return new Requirement(
                    key(part.substring(0, equals), selector),
                    Operator.IN,
                    Set.of(part.substring(valueStart).trim()));
        }
        if (part.startsWith("!")) {
            return new Requirement(
                    key(part.substring(1), selector), Operator.DOES_NOT_EXIST, Set.of());
        }
        return new Requirement(key(part, selector), Operator.EXISTS, Set.of());
    }

    private static String key(String key, String selector) {
        String trimmed = key.trim();
        if (trimmed.isEmpty() || trimmed.contains(" ") || trimmed.contains("(")) {
            throw ApiError.badRequest(
                    "unable to parse requirement: invalid label selector \"" + selector + "\"");
        }
        return trimmed;
    }

    /** Splits on commas that are not inside the parentheses of a set. */
    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        parts.removeIf(String::isBlank);
        return parts;
    }
}
