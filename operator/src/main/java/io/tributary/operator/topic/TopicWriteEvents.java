package io.tributary.operator.topic;

import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import java.util.Set;

/**
 * Wakes a KafkaTopic's reconcile when Kafka has answered a write it started and did not wait for,
 * so that a burst of new topics does not hold one reconciler thread per topic while their creation
 * is batched.
 */
final class TopicWriteEvents extends AbstractEventSource<TopicWriteResult, KafkaTopic> {
    TopicWriteEvents() {
        super(TopicWriteResult.class, "topic-writes");
    }

    /** Reconciles the resource again. */
    void wake(ResourceID resource) {
        if (isRunning()) {
            getEventHandler().handleEvent(new Event(resource));
        }
    }

    @Override
    public Set<TopicWriteResult> getSecondaryResources(KafkaTopic primary) {
        return Set.of();
    }
}
