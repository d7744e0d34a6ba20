package io.tributary.operator.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

class TopicOwnershipTest {

    @Test
    void theTopicNameDefaultsToTheResourceName() {
        assertThat(TopicOwnership.topicName(topic("orders", null, "2026-01-01T00:00:00Z")))
                .isEqualTo("orders");
        assertThat(TopicOwnership.topicName(topic("orders", "Orders_v2", "2026-01-01T00:00:00Z")))
                .isEqualTo("Orders_v2");
    }

    @Test
    void resourcesNamingTheSameTopicOfTheSameClusterShareAKey() {
        assertThat(TopicOwnership.key(topic("a", "orders", "2026-01-01T00:00:00Z")))
                .isEqualTo(TopicOwnership.key(topic("orders", null, "2026-01-02T00:00:00Z")))
                .isEqualTo("ns/my-cluster/orders");
    }

    @Test
    void theOldestClaimantOwnsTheTopicAndTheNameBreaksTies() {
        KafkaTopic older = topic("z-first", "orders", "2026-01-01T00:00:00Z");
        KafkaTopic newer = topic("a-second", "orders", "2026-01-02T00:00:00Z");
        KafkaTopic sameTime = topic("b", "orders", "2026-01-01T00:00:00Z");

        assertThat(TopicOwnership.owner(List.of(newer, older))).contains(older);
        assertThat(TopicOwnership.owner(List.of(older, sameTime))).contains(sameTime);
        assertThat(TopicOwnership.owner(List.of())).isEmpty();
    }

    @Test
    void theManagedAnnotationMustSayFalseToStopManaging() {
        KafkaTopic topic = topic("t", null, "2026-01-01T00:00:00Z");
        assertThat(KafkaTopicReconciler.isManaged(topic)).isTrue();
        topic.getMetadata().setAnnotations(Map.of(KafkaTopicReconciler.MANAGED, "false"));
        assertThat(KafkaTopicReconciler.isManaged(topic)).isFalse();
        topic.getMetadata().setAnnotations(Map.of(KafkaTopicReconciler.MANAGED, "true"));
        assertThat(KafkaTopicReconciler.isManaged(topic)).isTrue();
    }

    @Test
    void kafkasRefusalsAreTheUsersToFixAndTimeoutsAreRetried() {
        assertThat(TopicAdmin.classify(new InvalidConfigurationException("bad")).outcome())
                .isEqualTo(TopicWriteResult.Outcome.REFUSED);
        assertThat(TopicAdmin.classify(new TimeoutException("slow")).outcome())
                .isEqualTo(TopicWriteResult.Outcome.RETRY);
        assertThat(TopicAdmin.classify(new NotControllerException("moved")).outcome())
                .isEqualTo(TopicWriteResult.Outcome.RETRY);
        assertThat(TopicAdmin.classify(new IllegalStateException("closed")).outcome())
                .isEqualTo(TopicWriteResult.Outcome.RETRY);
        assertThat(TopicAdmin.classify(new TopicExistsException("there")).outcome())
                .isEqualTo(TopicWriteResult.Outcome.EXISTS);
    }

    private static KafkaTopic topic(String name, String topicName, String created) {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName(name);
        topic.getMetadata().setNamespace("ns");
        topic.getMetadata().setCreationTimestamp(created);
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef("my-cluster"));
        spec.setTopicName(topicName);
        topic.setSpec(spec);
        return topic;
    }
}
