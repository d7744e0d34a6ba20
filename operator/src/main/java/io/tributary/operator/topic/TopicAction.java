package io.tributary.operator.topic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One change the topic reconciler makes to a topic in Kafka. */
public sealed interface TopicAction {

    /** Create the topic; absent counts take the cluster's defaults. */
    record Create(
            String topic,
            Optional<Integer> partitions,
            Optional<Integer> replicationFactor,
            Map<String, String> config)
            implements TopicAction {
        public Create {
            config = new TreeMap<>(config);
        }
    }

    /**
     * Add partitions up to {@code total}, with the replicas of each new partition (leader first) at
     * the topic's target replication factor.
     */
    record IncreasePartitions(
            String topic, int from, int total, Map<Integer, List<Integer>> assignments)
            implements TopicAction {
        public IncreasePartitions {
            assignments = new TreeMap<>(assignments);
        }
    }

    /** Set these configs on the topic and delete those (back to the broker default). */
    record AlterConfig(String topic, Map<String, String> set, Set<String> delete)
            implements TopicAction {
        public AlterConfig {
            set = new TreeMap<>(set);
            delete = new TreeSet<>(delete);
        }
    }

    /** Move replicas to these assignments (partition index to replicas, leader first). */
    record Reassign(String topic, int from, int to, Map<Integer, List<Integer>> assignments)
            implements TopicAction {
        public Reassign {
            assignments = new TreeMap<>(assignments);
        }
    }
}
