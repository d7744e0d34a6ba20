package io.tributary.operator.topic;

import io.tributary.api.v1alpha1.topic.KafkaTopic;
import java.util.Map;
import java.util.Optional;

/** A KafkaTopic's spec as the topic diff wants it. Pure. */
final class TopicSpecs {
    private TopicSpecs() {}

    static DesiredTopic desired(KafkaTopic topic) {
        Map<String, String> config =
                topic.getSpec().getConfig() == null ? Map.of() : topic.getSpec().getConfig();
        return new DesiredTopic(
                TopicOwnership.topicName(topic),
                Optional.ofNullable(topic.getSpec().getPartitions()),
                Optional.ofNullable(topic.getSpec().getReplicationFactor()),
                config);
    }
}
