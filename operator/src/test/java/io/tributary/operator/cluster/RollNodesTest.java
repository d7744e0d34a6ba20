package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.RestartingPod;
import io.tributary.api.v1alpha1.cluster.RollStatus;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePoolStatefulSetBuilder;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.roll.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollNodesTest {
    private final ClusterModel model = model();

    @Test
    void podsOnTheCurrentRevisionNeedNoRestart() {
        List<NodeState> nodes =
                nodes(sts("rev-2", "hash-2", "img:2"), pods("rev-2", "hash-2", "img:2"));

        assertThat(nodes)
                .extracting(NodeState::pod)
                .containsExactly(
                        "my-cluster-brokers-0", "my-cluster-brokers-1", "my-cluster-brokers-2");
        assertThat(nodes).noneMatch(NodeState::needsRestart);
        assertThat(nodes).allMatch(n -> n.present() && n.ready());
    }

    @Test
    void aChangedCertificatesHashIsSaidSo() {
        StatefulSet sts = sts("rev-2", "hash-1", "img:1");
        sts.getSpec()
                .getTemplate()
                .getMetadata()
                .setAnnotations(
                        Map.of(
                                NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION,
                                "hash-1",
                                NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION,
                                "certs-2"));
        List<Pod> pods = pods("rev-1", "hash-1", "img:1");
        pods.forEach(
                p ->
                        p.getMetadata()
                                .getAnnotations()
                                .put(
                                        NodePoolStatefulSetBuilder.CERTIFICATES_ANNOTATION,
                                        "certs-1"));

        assertThat(nodes(sts, pods))
                .extracting(n -> n.restartReason().orElse(""))
                .containsOnly("certificates or trusted CAs changed");
    }

    @Test
    void aChangedConfigHashIsABrokerConfigurationChange() {
        List<NodeState> nodes =
                nodes(sts("rev-2", "hash-2", "img:1"), pods("rev-1", "hash-1", "img:1"));

        assertThat(nodes)
                .extracting(n -> n.restartReason().orElse(""))
                .containsOnly("broker configuration changed");
    }

    @Test
    void aChangedImageIsNamed() {
        List<NodeState> nodes =
                nodes(sts("rev-2", "hash-1", "img:2"), pods("rev-1", "hash-1", "img:1"));

        assertThat(nodes.get(0).restartReason()).contains("image img:1 -> img:2");
    }

    @Test
    void anyOtherTemplateChangeIsAPodTemplateChange() {
        List<NodeState> nodes =
                nodes(sts("rev-2", "hash-1", "img:1"), pods("rev-1", "hash-1", "img:1"));

        assertThat(nodes.get(0).restartReason()).contains("pod template changed");
    }

    @Test
    void anAnnotatedPodRestartsAlone() {
        List<Pod> pods = pods("rev-2", "hash-2", "img:2");
        pods.get(1).getMetadata().getAnnotations().put(RollNodes.MANUAL_ROLL, "true");

        List<NodeState> nodes = nodes(sts("rev-2", "hash-2", "img:2"), pods);

        assertThat(nodes)
                .filteredOn(NodeState::needsRestart)
                .extracting(NodeState::pod)
                .containsExactly("my-cluster-brokers-1");
    }

    @Test
    void aClusterManualRollRestartsEveryPodNotYetRestarted() {
        RollStatus roll = new RollStatus();
        roll.setRestarted(new ArrayList<>(List.of("my-cluster-brokers-0")));

        List<NodeState> nodes =
                RollNodes.of(
                        model.names(),
                        List.of(
                                new PoolState(
                                        model.brokerPool(),
                                        sts("rev-2", "h", "i"),
                                        pods("rev-2", "h", "i"))),
                        Optional.of(registered(0, 1, 2)),
                        roll,
                        true);

        assertThat(nodes)
                .filteredOn(NodeState::needsRestart)
                .extracting(NodeState::pod)
                .containsExactly("my-cluster-brokers-1", "my-cluster-brokers-2");
        assertThat(nodes.get(0).restartedInThisRoll()).isTrue();
    }

    @Test
    void theDeletedPodIsNotPresentUntilItsReplacementArrives() {
        RollStatus roll = new RollStatus();
        roll.setRestarting(
                new ArrayList<>(List.of(new RestartingPod("my-cluster-brokers-0", "uid-0"))));
        List<Pod> pods = pods("rev-1", "h", "i");

        List<NodeState> nodes =
                RollNodes.of(
                        model.names(),
                        List.of(new PoolState(model.brokerPool(), sts("rev-2", "h", "i"), pods)),
                        Optional.of(registered(0, 1, 2)),
                        roll,
                        false);

        assertThat(nodes.get(0).present()).isFalse();
        assertThat(nodes.get(0).needsRestart()).isFalse();
        assertThat(nodes.get(0).restartedInThisRoll()).isTrue();
        assertThat(nodes.get(1).present()).isTrue();
    }

    @Test
    void aRecordedRestartAwaitsDeletionWhileThePodStillHasTheRecordedUid() {
        RollStatus roll = new RollStatus();
        roll.setRestarting(
                new ArrayList<>(
                        List.of(
                                new RestartingPod("my-cluster-brokers-0", "uid-0"),
                                new RestartingPod("my-cluster-brokers-1", "uid-old"),
                                new RestartingPod("my-cluster-brokers-2", "uid-2"))));
        List<Pod> pods = pods("rev-2", "h", "i");
        pods.get(2).getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");

        List<Pod> awaiting =
                RollNodes.awaitingDeletion(
                        roll,
                        List.of(new PoolState(model.brokerPool(), sts("rev-2", "h", "i"), pods)));

        // brokers-1 already has a replacement, brokers-2 is being deleted: only brokers-0 is left.
        assertThat(awaiting)
                .extracting(p -> p.getMetadata().getName())
                .containsExactly("my-cluster-brokers-0");
    }

    @Test
    void noRollAwaitsNoDeletion() {
        assertThat(
                        RollNodes.awaitingDeletion(
                                null,
                                List.of(
                                        new PoolState(
                                                model.brokerPool(),
                                                sts("rev-2", "h", "i"),
                                                pods("rev-2", "h", "i")))))
                .isEmpty();
    }

    @Test
    void aMissingPodIsNotPresent() {
        List<Pod> pods = pods("rev-2", "h", "i");
        pods.remove(2);

        List<NodeState> nodes = nodes(sts("rev-2", "h", "i"), pods);

        assertThat(nodes.get(2).present()).isFalse();
        assertThat(nodes.get(2).ready()).isFalse();
    }

    @Test
    void aReadyPodWhoseBrokerIsNotRegisteredIsNotReady() {
        List<NodeState> nodes =
                RollNodes.of(
                        model.names(),
                        List.of(
                                new PoolState(
                                        model.brokerPool(),
                                        sts("rev-2", "h", "i"),
                                        pods("rev-2", "h", "i"))),
                        Optional.of(registered(0, 2)),
                        null,
                        false);

        assertThat(nodes).extracting(NodeState::ready).containsExactly(true, false, true);
        assertThat(nodes.get(0).rack()).contains("zone-a");
    }

    @Test
    void templatesAreSettledOnlyOnceTheControllerSawTheLastWrite() {
        StatefulSet behind = sts("rev-2", "h", "i");
        behind.getMetadata().setGeneration(3L);

        assertThat(
                        RollNodes.templatesSettled(
                                List.of(new PoolState(model.brokerPool(), behind, List.of()))))
                .isFalse();
        assertThat(
                        RollNodes.templatesSettled(
                                List.of(
                                        new PoolState(
                                                model.brokerPool(),
                                                sts("rev-2", "h", "i"),
                                                List.of()))))
                .isTrue();
        assertThat(
                        RollNodes.templatesSettled(
                                List.of(new PoolState(model.brokerPool(), null, List.of()))))
                .isFalse();
    }

    @Test
    void manualRollAnnotationMustSayTrue() {
        assertThat(RollNodes.isManualRoll(Map.of(RollNodes.MANUAL_ROLL, "true"))).isTrue();
        assertThat(RollNodes.isManualRoll(Map.of(RollNodes.MANUAL_ROLL, " True "))).isTrue();
        assertThat(RollNodes.isManualRoll(Map.of(RollNodes.MANUAL_ROLL, "yes"))).isFalse();
        assertThat(RollNodes.isManualRoll(null)).isFalse();
    }

    private List<NodeState> nodes(StatefulSet sts, List<Pod> pods) {
        return RollNodes.of(
                model.names(),
                List.of(new PoolState(model.brokerPool(), sts, pods)),
                Optional.of(registered(0, 1, 2)),
                null,
                false);
    }

    private static KafkaObservation registered(int... ids) {
        List<KafkaObservation.Broker> brokers = new ArrayList<>();
        for (int id : ids) {
            brokers.add(new KafkaObservation.Broker(id, Optional.of("zone-" + (char) ('a' + id))));
        }
        return new KafkaObservation("id", brokers, Optional.of(0), Optional.empty(), 0, 0, 0);
    }

    private static StatefulSet sts(String revision, String configHash, String image) {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewMetadata()
                .withAnnotations(
                        Map.of(NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION, configHash))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("kafka")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withUpdateRevision(revision)
                .endStatus()
                .build();
    }

    private List<Pod> pods(String revision, String configHash, String image) {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pods.add(
                    new PodBuilder()
                            .withNewMetadata()
                            .withName(model.names().pod(model.brokerPool(), i))
                            .withUid("uid-" + i)
                            .withLabels(Map.of(PoolState.REVISION_LABEL, revision))
                            .withAnnotations(
                                    new HashMap<>(
                                            Map.of(
                                                    NodePoolStatefulSetBuilder
                                                            .CONFIG_HASH_ANNOTATION,
                                                    configHash)))
                            .endMetadata()
                            .withNewSpec()
                            .addNewContainer()
                            .withName("kafka")
                            .withImage(image)
                            .endContainer()
                            .endSpec()
                            .withNewStatus()
                            .addNewCondition()
                            .withType("Ready")
                            .withStatus("True")
                            .endCondition()
                            .endStatus()
                            .build());
        }
        return pods;
    }

    private static ClusterModel model() {
        try {
            Path file =
                    Path.of(
                            System.getProperty("tributary.root", ".."),
                            "examples",
                            "kafka-cluster.yaml");
            KafkaCluster cluster =
                    Serialization.unmarshal(Files.readString(file), KafkaCluster.class);
            cluster.getMetadata().setNamespace("kafka");
            return ClusterModel.of(cluster, "id", "cluster.local", "img:2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
