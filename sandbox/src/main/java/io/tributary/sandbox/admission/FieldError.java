package io.tributary.sandbox.admission;

/**
 * One reason an object is invalid, in the API server's terms: the field path, the kind of error and
 * the detail, rendered as {@code kubectl} prints it.
 */
public record FieldError(String field, Type type, String value, String detail) {

    /** The error kinds of the API server's {@code field.ErrorType}, with their Status reasons. */
    public enum Type {
        INVALID("FieldValueInvalid", "Invalid value"),
        REQUIRED("FieldValueRequired", "Required value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        /** The {@code causes[].reason} of a Status, for example {@code FieldValueInvalid}. */
        public String reason() {
            return reason;
        }

        /** The type named by a CEL rule's {@code reason}; {@link #INVALID} when absent. */
        public static Type fromReason(String reason) {
            for (Type type : values()) {
                if (type.reason.equals(reason)) {
                    return type;
                }
            }
            return INVALID;
        }
    }

    /** The message without the field, as in a Status cause: {@code Invalid value: 0: detail}. */
    public String message() {
        StringBuilder text = new StringBuilder(type.text);
        if (value != null
                && (type == Type.INVALID
                        || type == Type.NOT_SUPPORTED
                        || type == Type.TYPE_INVALID
                        || type == Type.DUPLICATE)) {
            text.append(": ").append(value);
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return field + ": " + message();
    }
}
