package io.tributary.operator.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.ListenerStatus;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClusterChangesForTopicsTest {
    private static KafkaCluster cluster() {
        KafkaCluster cluster = new KafkaCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder()
                        .withName("my-cluster")
                        .withNamespace("kafka")
                        .withGeneration(3L)
                        .build());
        KafkaClusterStatus status = new KafkaClusterStatus();
        status.setClusterId("abc");
        ListenerStatus plain = new ListenerStatus();
        plain.setName("plain");
        plain.setBootstrapServers("my-cluster-plain-bootstrap.kafka.svc:9092");
        status.setListeners(List.of(plain));
        status.setBrokersReady("3/3");
        cluster.setStatus(status);
        return cluster;
    }

    private static boolean concern(Consumer<KafkaCluster> change) {
        KafkaCluster older = cluster();
        KafkaCluster newer = Serialization.clone(older);
        change.accept(newer);
        return ClusterChangesForTopics.concernTopics(newer, older);
    }

    @Test
    void healthAndProgressInTheStatusDoNotConcernTopics() {
        assertThat(concern(c -> c.getStatus().setBrokersReady("2/3"))).isFalse();
        assertThat(concern(c -> c.getMetadata().setResourceVersion("99"))).isFalse();
        assertThat(concern(c -> {})).isFalse();
    }

    @Test
    void aNewSpecConcernsTopics() {
        assertThat(concern(c -> c.getMetadata().setGeneration(4L))).isTrue();
    }

    @Test
    void aNewClusterIdConcernsTopics() {
        assertThat(concern(c -> c.getStatus().setClusterId("def"))).isTrue();
        assertThat(concern(c -> c.getStatus().setClusterId(null))).isTrue();
    }

    @Test
    void listenersChangingConcernTopics() {
        assertThat(
                        concern(
                                c ->
                                        c.getStatus()
                                                .getListeners()
                                                .get(0)
                                                .setBootstrapServers("elsewhere:9093")))
                .isTrue();
        assertThat(concern(c -> c.getStatus().setListeners(null))).isTrue();
    }

    @Test
    void theStatusAppearingOrGoingConcernsTopics() {
        assertThat(concern(c -> c.setStatus(null))).isTrue();
    }

    @Test
    void deletionConcernsTopics() {
        assertThat(concern(c -> c.getMetadata().setDeletionTimestamp("2026-12-02T00:00:00Z")))
                .isTrue();
    }
}
