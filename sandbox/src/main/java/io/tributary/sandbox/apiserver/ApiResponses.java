package io.tributary.sandbox.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the responses of the API server: JSON bodies, Status errors, warning headers. */
final class ApiResponses {
    private ApiResponses() {}

    static MockResponse json(int code, JsonNode body) {
        return json(code, Json.bytes(body));
    }

    static MockResponse json(int code, byte[] body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static MockResponse error(ApiError error) {
        return json(error.code(), error.toStatus());
    }

    static MockResponse text(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one {@code Warning: 299 - "<text>"} header per warning. */
    static MockResponse withWarnings(MockResponse response, List<String> warnings) {
        for (String warning : warnings) {
            String escaped = warning.replace("\\", "\\\\").replace("\"", "\\\"");
            response.addHeader("Warning", "299 - \"" + escaped + "\"");
        }
        return response;
    }
}
