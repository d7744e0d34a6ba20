package io.tributary.operator.topic;

import io.tributary.api.v1alpha1.topic.KafkaTopic;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which KafkaTopic owns a Kafka topic that several name: the oldest (by creation, then name), so
 * that a newer copy can never take a topic from the resource that made it. Pure.
 */
public final class TopicOwnership {
    private TopicOwnership() {}

    /** The Kafka topic a KafkaTopic manages: spec.topicName, or else its metadata.name. */
    public static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null
                ? topic.getSpec().getTopicName()
                : topic.getMetadata().getName();
    }

    /** The key under which KafkaTopics naming the same topic of the same cluster meet. */
    public static String key(KafkaTopic topic) {
        return topic.getMetadata().getNamespace()
                + "/"
                + topic.getSpec().getClusterRef().getName()
                + "/"
                + topicName(topic);
    }

    /** The owner among the KafkaTopics naming one topic, if any is not being deleted. */
    public static Optional<KafkaTopic> owner(List<KafkaTopic> claimants) {
        return claimants.stream()
                .min(
                        Comparator.comparing(
                                        (KafkaTopic t) ->
                                                t.getMetadata().getCreationTimestamp() == null
                                                        ? ""
                                                        : t.getMetadata().getCreationTimestamp())
                                .thenComparing(t -> t.getMetadata().getName()));
    }
}
