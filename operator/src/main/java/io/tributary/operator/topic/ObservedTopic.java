package io.tributary.operator.topic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic as Kafka describes it: its id, each partition's replicas (preferred leader first), and
 * the configs set on the topic itself (not inherited from broker defaults).
 */
public record ObservedTopic(
        String name, String topicId, List<List<Integer>> replicas, Map<String, String> config) {

    public ObservedTopic {
        replicas = replicas.stream().map(List::copyOf).toList();
        config = new TreeMap<>(config);
    }

    public int partitions() {
        return replicas.size();
    }

    /** The replication factor, taken from the first partition (Kafka keeps them equal). */
    public int replicationFactor() {
        return replicas.isEmpty() ? 0 : replicas.get(0).size();
    }
}
