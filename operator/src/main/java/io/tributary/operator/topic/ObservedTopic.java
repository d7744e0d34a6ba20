package io.tributary.operator.topic;

import io.tributary.operator.kafka.ThrottledReplicas;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A topic as Kafka describes it: its id, each partition's replicas (preferred leader first), the
 * configs set on the topic itself (not inherited from broker defaults), and apart from those the
 * replication-throttle configs the operator sets while replicas move.
 *
 * @param throttleKeys the throttle configs set on the topic ({@link ThrottledReplicas#CONFIG_KEYS})
 */
public record ObservedTopic(
        String name,
        String topicId,
        List<List<Integer>> replicas,
        Map<String, String> config,
        Set<String> throttleKeys) {

    public ObservedTopic {
        replicas = replicas.stream().map(List::copyOf).toList();
        config = new TreeMap<>(config);
        throttleKeys = new TreeSet<>(throttleKeys);
    }

    public ObservedTopic(
            String name, String topicId, List<List<Integer>> replicas, Map<String, String> config) {
        this(name, topicId, replicas, config, Set.of());
    }

    public int partitions() {
        return replicas.size();
    }

    /** The replication factor, taken from the first partition (Kafka keeps them equal). */
    public int replicationFactor() {
        return replicas.isEmpty() ? 0 : replicas.get(0).size();
    }
}
