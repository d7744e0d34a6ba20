package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.ListenerStatus;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClusterChangesForDependentsTest {
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
        status.setNodes(new ArrayList<>(List.of(node(0), node(1), node(2))));
        status.setConditions(new ArrayList<>(List.of(ready(ConditionStatus.TRUE))));
        cluster.setStatus(status);
        return cluster;
    }

    private static NodeStatus node(int id) {
        NodeStatus node = new NodeStatus();
        node.setId(id);
        node.setPod("my-cluster-brokers-" + id);
        node.setReady(true);
        return node;
    }

    private static Condition ready(ConditionStatus status) {
        Condition ready = new Condition();
        ready.setType(Condition.READY);
        ready.setStatus(status);
        ready.setReason("Ready");
        return ready;
    }

    private static boolean concern(Consumer<KafkaCluster> change) {
        KafkaCluster older = cluster();
        KafkaCluster newer = Serialization.clone(older);
        change.accept(newer);
        return ClusterChangesForDependents.concernDependents(newer, older);
    }

    @Test
    void healthAndProgressInTheStatusDoNotConcernDependents() {
        assertThat(concern(c -> c.getStatus().setBrokersReady("2/3"))).isFalse();
        assertThat(concern(c -> c.getStatus().getNodes().get(1).setReady(false))).isFalse();
        assertThat(concern(c -> c.getStatus().getConditions().get(0).setReason("Rolling")))
                .isFalse();
        assertThat(concern(c -> c.getMetadata().setResourceVersion("99"))).isFalse();
        assertThat(concern(c -> {})).isFalse();
    }

    @Test
    void aNewSpecConcernsDependents() {
        assertThat(concern(c -> c.getMetadata().setGeneration(4L))).isTrue();
    }

    @Test
    void aNewClusterIdConcernsDependents() {
        assertThat(concern(c -> c.getStatus().setClusterId("def"))).isTrue();
        assertThat(concern(c -> c.getStatus().setClusterId(null))).isTrue();
    }

    @Test
    void listenersChangingConcernDependents() {
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
    void theStatusAppearingOrGoingConcernsDependents() {
        assertThat(concern(c -> c.setStatus(null))).isTrue();
    }

    @Test
    void nodesJoiningOrLeavingConcernDependents() {
        assertThat(concern(c -> c.getStatus().getNodes().add(node(3)))).isTrue();
        assertThat(concern(c -> c.getStatus().getNodes().remove(2))).isTrue();
    }

    @Test
    void theClusterBecomingReadyOrNotConcernsDependents() {
        assertThat(
                        concern(
                                c ->
                                        c.getStatus()
                                                .getConditions()
                                                .get(0)
                                                .setStatus(ConditionStatus.FALSE)))
                .isTrue();
        assertThat(concern(c -> c.getStatus().getConditions().clear())).isTrue();
    }

    @Test
    void deletionConcernsDependents() {
        assertThat(concern(c -> c.getMetadata().setDeletionTimestamp("2026-12-02T00:00:00Z")))
                .isTrue();
    }
}
