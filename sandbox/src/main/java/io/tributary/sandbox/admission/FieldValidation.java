package io.tributary.sandbox.admission;

import java.util.Locale;

/**
 * What the API server does with fields the schema does not know, from the request's {@code
 * fieldValidation} parameter: drop them silently, drop them with a warning, or reject the request.
 */
public enum FieldValidation {
    IGNORE,
    WARN,
    STRICT;

    /** The mode named by a {@code fieldValidation} query parameter; {@code Warn} when absent. */
    public static FieldValidation fromQueryParameter(String value) {
        if (value == null || value.isBlank()) {
            return WARN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ignore" -> IGNORE;
            case "strict" -> STRICT;
            default -> WARN;
        };
    }
}
