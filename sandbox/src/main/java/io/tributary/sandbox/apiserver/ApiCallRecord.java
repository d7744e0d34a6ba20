package io.tributary.sandbox.apiserver;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The distinct calls made by clients whose User-Agent starts with a given prefix — the operator's —
 * so that tests can check them against the RBAC the operator is installed with.
 */
final class ApiCallRecord {
    private final List<String> userAgentPrefixes = new CopyOnWriteArrayList<>();
    private final Set<ApiCall> calls = ConcurrentHashMap.newKeySet();

    void recordCallsBy(String userAgentPrefix) {
        userAgentPrefixes.add(userAgentPrefix);
    }

    boolean wanted(ApiRequest request) {
        if (userAgentPrefixes.isEmpty()) {
            return false;
        }
        String userAgent = request.header("User-Agent");
        return userAgent != null && userAgentPrefixes.stream().anyMatch(userAgent::startsWith);
    }

    void add(ApiCall call) {
        calls.add(call);
    }

    Set<ApiCall> calls() {
        return Set.copyOf(calls);
    }
}
