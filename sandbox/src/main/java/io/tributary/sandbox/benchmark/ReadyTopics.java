package io.tributary.sandbox.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.apiserver.ChangeListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KafkaTopics of a namespace that are Ready, heard inside the API server's JVM rather than
 * through a watch: decoding 10,000 resources' every change would cost the benchmark as much as it
 * costs the operator, and on two cores that would slow the operator's run, not the floor's.
 */
final class ReadyTopics implements AutoCloseable {
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final AutoCloseable listening;

    private ReadyTopics(Sandbox sandbox, String namespace) {
        ChangeListener tracker =
                (type, object) -> {
                    if (!namespace.equals(object.path("metadata").path("namespace").asText())) {
                        return;
                    }
                    String name = object.path("metadata").path("name").asText();
                    if (!"DELETED".equals(type) && isReady(object)) {
                        ready.add(name);
                    } else {
                        ready.remove(name);
                    }
                };
        this.listening = sandbox.apiServer().listen("kafka.tributary.io", "kafkatopics", tracker);
    }

    /** Starts listening; topics that are Ready already are not counted, so start before any. */
    static ReadyTopics listen(Sandbox sandbox, String namespace) {
        return new ReadyTopics(sandbox, namespace);
    }

    int count() {
        return ready.size();
    }

    private static boolean isReady(JsonNode topic) {
        for (JsonNode condition : topic.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())
                    && "True".equals(condition.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        listening.close();
    }
}
