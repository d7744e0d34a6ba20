package io.tributary.sandbox.admission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the API server refuses: 422 Invalid with the field errors, or 400 BadRequest for
 * unknown fields under strict field validation. Renders the Status object a client receives.
 */
public class AdmissionRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final String kind;
    private final String group;
    private final String name;
    private final transient List<FieldError> causes;

    private AdmissionRejected(
            int code,
            String reason,
            String kind,
            String group,
            String name,
            List<FieldError> causes,
            String message) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.kind = kind;
        this.group = group;
        this.name = name;
        this.causes = List.copyOf(causes);
    }

    /** 422: the object is invalid, for the reasons given. */
    public static AdmissionRejected invalid(
            String kind, String group, String name, List<FieldError> causes) {
        String list =
                causes.size() == 1
                        ? causes.get(0).toString()
                        : causes.stream()
                                .map(FieldError::toString)
                                .collect(Collectors.joining(", ", "[", "]"));
        String message = "%s.%s \"%s\" is invalid: %s".formatted(kind, group, name, list);
        return new AdmissionRejected(422, "Invalid", kind, group, name, causes, message);
    }

    /** 400: fields the schema does not know, under strict field validation. */
    public static AdmissionRejected unknownFields(
            String kind, String group, String version, List<String> paths) {
        String fields =
                paths.stream()
                        .map(p -> "unknown field \"" + p + "\"")
                        .collect(Collectors.joining(", "));
        String message =
                "%s in version \"%s\" cannot be handled as a %s: strict decoding error: %s"
                        .formatted(kind, version, kind, fields);
        return new AdmissionRejected(400, "BadRequest", kind, group, null, List.of(), message);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<FieldError> causes() {
        return causes;
    }

    /** The {@code v1 Status} object the API server answers with. */
    public ObjectNode toStatus() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode status = json.objectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (code == 422) {
            ObjectNode details = status.putObject("details");
            details.put("name", name).put("group", group).put("kind", kind);
            var list = details.putArray("causes");
            for (FieldError cause : causes) {
                list.addObject()
                        .put("reason", cause.type().reason())
                        .put("message", cause.message())
                        .put("field", cause.field());
            }
        }
        status.put("code", code);
        return status;
    }
}
