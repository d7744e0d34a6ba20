package io.tributary.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import io.tributary.api.v1alpha1.topic.KafkaTopicStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status write against fabric8's CRUD mock API server: it replaces, it caches, it reschedules.
 */
@EnableKubernetesMockClient(crud = true)
class StatusWriterTest {
    KubernetesClient client;

    @Test
    void theWrittenStatusReplacesTheStoredOneWholeAndTheSpecIsLeftAlone() {
        KafkaTopic stored = client.resource(topic()).create();
        KafkaTopicStatus drifted = new KafkaTopicStatus();
        drifted.setTopicId("old-id");
        drifted.setDrift(List.of("retention.ms is 3600000 in Kafka"));
        stored.setStatus(drifted);
        stored = client.resource(stored).updateStatus();
        String before = StatusWriter.before(stored.getStatus());

        KafkaTopicStatus reconciled = new KafkaTopicStatus();
        reconciled.setTopicId("new-id");
        reconciled.setPartitions(3);
        stored.setStatus(reconciled);
        stored.getSpec().setPartitions(99); // a reconcile must not write the spec this way
        List<KafkaTopic> cached = new ArrayList<>();
        UpdateControl<KafkaTopic> control =
                StatusWriter.carryOut(
                        UpdateControl.patchStatus(stored).rescheduleAfter(Duration.ofSeconds(7)),
                        before,
                        client,
                        (written, original) -> cached.add(written));

        KafkaTopic now = client.resources(KafkaTopic.class).withName("orders").get();
        assertThat(now.getStatus().getTopicId()).isEqualTo("new-id");
        assertThat(now.getStatus().getPartitions()).isEqualTo(3);
        assertThat(now.getStatus().getDrift()).isNull();
        assertThat(now.getSpec().getPartitions()).isEqualTo(1);
        assertThat(cached)
                .singleElement()
                .satisfies(
                        w ->
                                assertThat(w.getMetadata().getResourceVersion())
                                        .isEqualTo(now.getMetadata().getResourceVersion()));
        assertThat(control.isNoUpdate()).isTrue();
        assertThat(control.getScheduleDelay()).contains(7000L);
    }

    @Test
    void anUnchangedStatusIsNotWrittenAndTheRescheduleIsKept() {
        KafkaTopic stored = client.resource(topic()).create();
        KafkaTopicStatus status = new KafkaTopicStatus();
        status.setTopicId("an-id");
        stored.setStatus(status);
        stored = client.resource(stored).updateStatus();
        String version = stored.getMetadata().getResourceVersion();

        UpdateControl<KafkaTopic> control =
                StatusWriter.carryOut(
                        UpdateControl.patchStatus(stored).rescheduleAfter(Duration.ofSeconds(7)),
                        StatusWriter.before(stored.getStatus()),
                        client,
                        (written, original) -> {
                            throw new AssertionError("nothing was written");
                        });

        assertThat(client.resources(KafkaTopic.class).withName("orders").get())
                .satisfies(
                        t -> assertThat(t.getMetadata().getResourceVersion()).isEqualTo(version));
        assertThat(control.isNoUpdate()).isTrue();
        assertThat(control.getScheduleDelay()).contains(7000L);
    }

    @Test
    void otherControlsAreLeftAsTheyAre() {
        UpdateControl<KafkaTopic> noUpdate = UpdateControl.noUpdate();
        assertThat(
                        StatusWriter.carryOut(
                                noUpdate,
                                "",
                                client,
                                (w, o) -> {
                                    throw new AssertionError("nothing to cache");
                                }))
                .isSameAs(noUpdate);
        assertThat(client.resources(KafkaTopic.class).list().getItems()).isEmpty();
    }

    private static KafkaTopic topic() {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName("orders");
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef("my-cluster"));
        spec.setPartitions(1);
        topic.setSpec(spec);
        return topic;
    }
}
