package io.tributary.operator.topic;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A topic as its KafkaTopic asks for it. Absent partitions or replication factor mean the cluster's
 * defaults at creation and "leave as it is" afterwards.
 */
public record DesiredTopic(
        String name,
        Optional<Integer> partitions,
        Optional<Integer> replicationFactor,
        Map<String, String> config) {

    public DesiredTopic {
        config = new TreeMap<>(config);
    }
}
