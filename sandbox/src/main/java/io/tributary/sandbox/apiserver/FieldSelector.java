package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code fieldSelector}: {@code path=value}, {@code path==value} and {@code path!=value},
 * joined by commas. Any dotted path of the object can be selected on ({@code metadata.name}, {@code
 * metadata.namespace}, {@code spec.nodeName}, {@code involvedObject.uid}...); an absent field has
 * the empty value.
 */
final class FieldSelector {
    /** One requirement on the value at a dotted path. */
    record Requirement(String path, String value, boolean equal) {}

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : selector.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int notEquals = part.indexOf("!=");
            int equals = part.indexOf('=');
            if (notEquals > 0) {
                requirements.add(
                        new Requirement(
                                part.substring(0, notEquals).trim(),
                                part.substring(notEquals + 2).trim(),
                                false));
            } else if (equals > 0) {
                int valueStart = part.startsWith("==", equals) ? equals + 2 : equals + 1;
                requirements.add(
                        new Requirement(
                                part.substring(0, equals).trim(),
                                part.substring(valueStart).trim(),
                                true));
            } else {
                throw ApiError.badRequest("invalid field selector: \"" + selector + "\"");
            }
        }
        return new FieldSelector(requirements);
    }

    boolean matches(JsonNode object) {
        for (Requirement requirement : requirements) {
            String actual = Json.text(object, requirement.path().split("\\."));
            boolean equal = requirement.value().equals(actual == null ? "" : actual);
            if (equal != requirement.equal()) {
                return false;
            }
        }
        return true;
    }

    /** The value of a {@code path=value} requirement, for index look-ups; {@code null} if none. */
    String equalityValue(String path) {
        for (Requirement requirement : requirements) {
            if (requirement.equal() && requirement.path().equals(path)) {
                return requirement.value();
            }
        }
        return null;
    }

    boolean isEverything() {
        return requirements.isEmpty();
    }
}
