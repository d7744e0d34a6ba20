package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The options of a DELETE, from its {@code DeleteOptions} body and its query parameters.
 *
 * @param gracePeriodSeconds {@code null} when not given
 * @param preconditionUid {@code null} when not given
 * @param preconditionResourceVersion {@code null} when not given
 */
record DeleteOptions(
        Long gracePeriodSeconds,
        Propagation propagation,
        String preconditionUid,
        String preconditionResourceVersion,
        boolean dryRun) {

    /** {@code propagationPolicy}: what happens to the dependents. */
    enum Propagation {
        BACKGROUND,
        FOREGROUND,
        ORPHAN
    }

    static final DeleteOptions DEFAULT =
            new DeleteOptions(null, Propagation.BACKGROUND, null, null, false);

    static DeleteOptions from(JsonNode body, Map<String, String> query) {
        JsonNode options = body == null ? Json.MAPPER.createObjectNode() : body;
        Long grace =
                options.hasNonNull("gracePeriodSeconds")
                        ? Long.valueOf(options.get("gracePeriodSeconds").asLong())
                        : query.containsKey("gracePeriodSeconds")
                                ? Long.valueOf(query.get("gracePeriodSeconds"))
                                : null;
        String policy = Json.text(options, "propagationPolicy");
        if (policy == null) {
            policy = query.get("propagationPolicy");
        }
        String orphan =
                options.hasNonNull("orphanDependents")
                        ? options.get("orphanDependents").asText()
                        : query.get("orphanDependents");
        Propagation propagation = Propagation.BACKGROUND;
        if (policy != null) {
            propagation =
                    switch (policy) {
                        case "Foreground" -> Propagation.FOREGROUND;
                        case "Orphan" -> Propagation.ORPHAN;
                        case "Background" -> Propagation.BACKGROUND;
                        default ->
                                throw ApiError.badRequest("invalid propagationPolicy: " + policy);
                    };
        } else if ("true".equals(orphan)) {
            propagation = Propagation.ORPHAN;
        }
        boolean dryRun = options.path("dryRun").size() > 0 || query.containsKey("dryRun");
        return new DeleteOptions(
                grace,
                propagation,
                Json.text(options, "preconditions", "uid"),
                Json.text(options, "preconditions", "resourceVersion"),
                dryRun);
    }

    DeleteOptions withPropagation(Propagation value) {
        return new DeleteOptions(
                gracePeriodSeconds, value, preconditionUid, preconditionResourceVersion, dryRun);
    }
}
