package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The API server's JSON mapper and the few tree accessors every part of it needs. */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private Json() {}

    /** Parses a request body that must be a JSON object; a 400 BadRequest otherwise. */
    static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("the request body is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw ApiError.badRequest("the request body is not valid JSON: " + e.getMessage());
        }
        throw ApiError.badRequest("the request body is not a JSON object");
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at a path of object fields, or {@code null} when absent or not a value. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current == null || current.isNull() || current.isContainerNode()
                ? null
                : current.asText();
    }

    /** The object's {@code metadata}, created when missing. */
    static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode existing) {
            return existing;
        }
        return object.putObject("metadata");
    }

    /** A timestamp as the API server writes them: RFC 3339, whole seconds, UTC. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
