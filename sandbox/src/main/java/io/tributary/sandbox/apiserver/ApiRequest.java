package io.tributary.sandbox.apiserver;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP request as the API server reads it: method, path segments, query, headers, body. */
record ApiRequest(
        String method,
        List<String> segments,
        Map<String, String> query,
        RecordedRequest recorded,
        byte[] body) {

    static ApiRequest of(RecordedRequest request) {
        String target = request.getPath();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, String> query = new HashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.putIfAbsent(key, value);
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        return new ApiRequest(
                request.getMethod().toUpperCase(Locale.ROOT),
                List.copyOf(segments),
                Map.copyOf(query),
                request,
                body);
    }

    String header(String name) {
        return recorded.getHeader(name);
    }

    String param(String name) {
        return query.get(name);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name)) || "1".equals(query.get(name));
    }

    /** Whether the client asked for {@code meta.k8s.io/v1 Table} (kubectl get does). */
    boolean acceptsTable() {
        String accept = header("Accept");
        return accept != null && accept.contains("as=Table");
    }

    boolean isWebSocketUpgrade() {
        return "websocket".equalsIgnoreCase(header("Upgrade"));
    }

    String path() {
        return "/" + String.join("/", segments);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
