package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterStatus;
import io.tributary.api.v1alpha1.cluster.RackSpec;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.status.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status a snapshot gives: what the cluster waits for, and Ready only when it is. */
class ClusterStatusBuilderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:01:00Z");

    @Test
    void beforeTheStatefulSetExistsTheClusterIsBeingCreated() throws Exception {
        ClusterModel model = model(cluster());
        var outcome =
                build(
                        null,
                        new ClusterSnapshot(
                                model,
                                List.of(new PoolState(model.brokerPool(), null, List.of())),
                                Optional.empty(),
                                Optional.empty()));
        assertCondition(outcome.status(), Condition.READY, ConditionStatus.FALSE, "Creating");
        assertCondition(outcome.status(), Condition.RECONCILING, ConditionStatus.TRUE, "Creating");
        assertCondition(outcome.status(), Condition.STALLED, ConditionStatus.FALSE, "Creating");
        assertThat(outcome.status().getObservedGeneration())
                .isEqualTo(model.cluster().getMetadata().getGeneration());
        assertThat(
                        outcome.status()
                                .findCondition(Condition.READY)
                                .orElseThrow()
                                .getObservedGeneration())
                .isEqualTo(3L);
    }

    @Test
    void waitsForEveryPodToBeReady() throws Exception {
        ClusterModel model = model(cluster());
        var outcome =
                build(
                        null,
                        snapshot(model, pods(model, true, true, false), Optional.of(healthy())));
        assertCondition(outcome.status(), Condition.READY, ConditionStatus.FALSE, "PodsNotReady");
        assertThat(outcome.status().findCondition(Condition.READY).orElseThrow().getMessage())
                .isEqualTo("2/3 pods of the brokers pool are ready");
        assertThat(outcome.status().getBrokersReady()).isEqualTo("2/3");
    }

    @Test
    void aCrashLoopingPodIsNamedWithWhereToLook() throws Exception {
        ClusterModel model = model(cluster());
        List<Pod> pods = pods(model, true, true, false);
        pods.set(
                2,
                new PodBuilder(pods.get(2))
                        .editStatus()
                        .addNewContainerStatus()
                        .withName("kafka")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .endWaiting()
                        .endState()
                        .withNewLastState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .endTerminated()
                        .endLastState()
                        .endContainerStatus()
                        .endStatus()
                        .build());
        var outcome = build(null, snapshot(model, pods, Optional.of(healthy())));
        assertThat(outcome.status().findCondition(Condition.READY).orElseThrow().getMessage())
                .isEqualTo(
                        "2/3 pods of the brokers pool are ready; pod my-cluster-brokers-2:"
                                + " CrashLoopBackOff (last exit code 1; see kubectl logs"
                                + " my-cluster-brokers-2 --previous)");
    }

    @Test
    void waitsForPodsOnAnOldTemplate() throws Exception {
        ClusterModel model = model(cluster());
        List<Pod> pods = pods(model, true, true, true);
        pods.set(
                1,
                new PodBuilder(pods.get(1))
                        .editMetadata()
                        .addToLabels("controller-revision-hash", "old")
                        .endMetadata()
                        .build());
        var outcome = build(null, snapshot(model, pods, Optional.of(healthy())));
        assertCondition(outcome.status(), Condition.READY, ConditionStatus.FALSE, "PodsOutOfDate");
    }

    @Test
    void waitsForTheBrokersToAnswer() throws Exception {
        ClusterModel model = model(cluster());
        var outcome =
                build(
                        null,
                        new ClusterSnapshot(
                                model,
                                List.of(
                                        new PoolState(
                                                model.brokerPool(),
                                                statefulSet(),
                                                pods(model, true, true, true))),
                                Optional.empty(),
                                Optional.of("TimeoutException: no answer within 10s")));
        assertCondition(
                outcome.status(), Condition.READY, ConditionStatus.FALSE, "BrokersUnreachable");
        assertThat(outcome.status().findCondition(Condition.READY).orElseThrow().getMessage())
                .contains("no answer within 10s");
    }

    @Test
    void waitsForEveryBrokerToRegister() throws Exception {
        ClusterModel model = model(cluster());
        KafkaObservation twoBrokers =
                new KafkaObservation(
                        "id",
                        List.of(broker(0), broker(1)),
                        Optional.of(0),
                        Optional.of("4.4-IV2"),
                        10,
                        0,
                        0);
        var outcome =
                build(
                        null,
                        snapshot(model, pods(model, true, true, true), Optional.of(twoBrokers)));
        assertCondition(
                outcome.status(), Condition.READY, ConditionStatus.FALSE, "BrokersNotRegistered");
        assertThat(outcome.status().findCondition(Condition.READY).orElseThrow().getMessage())
                .contains("[2]");
    }

    @Test
    void offlinePartitionsKeepTheClusterFromBeingReady() throws Exception {
        ClusterModel model = model(cluster());
        KafkaObservation offline =
                new KafkaObservation(
                        "id",
                        List.of(broker(0), broker(1), broker(2)),
                        Optional.of(0),
                        Optional.of("4.4-IV2"),
                        10,
                        2,
                        1);
        var outcome =
                build(null, snapshot(model, pods(model, true, true, true), Optional.of(offline)));
        assertCondition(
                outcome.status(), Condition.READY, ConditionStatus.FALSE, "OfflinePartitions");
        assertThat(outcome.status().getHealth().getOfflinePartitions()).isEqualTo(1);
        assertThat(outcome.status().getHealth().getUnderReplicatedPartitions()).isEqualTo(2);
    }

    @Test
    void readyMovesObservedGenerationAndReportsTheCluster() throws Exception {
        ClusterModel model = model(cluster());
        var outcome =
                build(null, snapshot(model, pods(model, true, true, true), Optional.of(healthy())));
        KafkaClusterStatus status = outcome.status();
        assertThat(outcome.ready()).isTrue();
        assertCondition(status, Condition.READY, ConditionStatus.TRUE, "Ready");
        assertCondition(status, Condition.RECONCILING, ConditionStatus.FALSE, "Ready");
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getClusterId()).isEqualTo("cluster-id");
        assertThat(status.getKafkaVersion()).isEqualTo("4.4.0");
        assertThat(status.getMetadataVersion()).isEqualTo("4.4-IV2");
        assertThat(status.getHealth().getActiveController()).isEqualTo(1);
        assertThat(status.getBrokersReady()).isEqualTo("3/3");
        assertThat(status.getNodes())
                .extracting(
                        n -> n.getId() + "@" + n.getPod() + ":" + n.isReady() + ":" + n.getRack())
                .containsExactly(
                        "0@my-cluster-brokers-0:true:zone-a",
                        "1@my-cluster-brokers-1:true:zone-b",
                        "2@my-cluster-brokers-2:true:zone-c");
        assertThat(status.getListeners())
                .singleElement()
                .satisfies(
                        l ->
                                assertThat(l.getBootstrapServers())
                                        .isEqualTo("my-cluster-plain-bootstrap.kafka.svc:9092"));
    }

    @Test
    void transitionTimesMoveOnlyWithTheStatus() throws Exception {
        ClusterModel model = model(cluster());
        KafkaClusterStatus first =
                build(null, snapshot(model, pods(model, true, false, false), Optional.empty()), T0)
                        .status();
        KafkaClusterStatus second =
                build(first, snapshot(model, pods(model, true, true, false), Optional.empty()), T1)
                        .status();
        assertThat(second.findCondition(Condition.READY).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-01-01T10:00:00Z");
        KafkaClusterStatus third =
                build(
                                second,
                                snapshot(
                                        model,
                                        pods(model, true, true, true),
                                        Optional.of(healthy())),
                                T1)
                        .status();
        assertThat(third.findCondition(Condition.READY).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-01-01T10:01:00Z");
    }

    @Test
    void warningsAreAConditionOfTheirOwn() throws Exception {
        ClusterModel model = model(cluster());
        var warned =
                ClusterStatusBuilder.build(
                        null,
                        snapshot(model, pods(model, true, true, true), Optional.of(healthy())),
                        List.of(
                                new Problem(
                                        "NoReplication",
                                        "spec.replication.defaultReplicationFactor is 1")),
                        T0);
        assertCondition(
                warned.status(),
                ClusterStatusBuilder.WARNING,
                ConditionStatus.TRUE,
                "NoReplication");
        assertThat(warned.ready()).isTrue();
        var cleared =
                ClusterStatusBuilder.build(
                        warned.status(),
                        snapshot(model, pods(model, true, true, true), Optional.of(healthy())),
                        List.of(),
                        T1);
        assertThat(cleared.status().findCondition(ClusterStatusBuilder.WARNING)).isEmpty();
    }

    @Test
    void aBrokerPodWithoutItsRackLabelIsNamed() throws Exception {
        KafkaCluster cluster = cluster();
        cluster.getSpec().setRack(new RackSpec());
        ClusterModel model = model(cluster);
        List<Pod> pods = pods(model, true, true, true);
        pods.set(
                2,
                new PodBuilder(pods.get(2))
                        .editMetadata()
                        .removeFromLabels("topology.kubernetes.io/zone")
                        .endMetadata()
                        .build());
        var outcome = build(null, snapshot(model, pods, Optional.of(healthy())));
        assertCondition(
                outcome.status(), Condition.READY, ConditionStatus.FALSE, "RackLabelMissing");
        assertThat(outcome.status().findCondition(Condition.READY).orElseThrow().getMessage())
                .contains("my-cluster-brokers-2");
    }

    // ---- fixtures ----

    private static ClusterStatusBuilder.Outcome build(
            KafkaClusterStatus previous, ClusterSnapshot snapshot) {
        return build(previous, snapshot, T0);
    }

    private static ClusterStatusBuilder.Outcome build(
            KafkaClusterStatus previous, ClusterSnapshot snapshot, Instant now) {
        return ClusterStatusBuilder.build(previous, snapshot, List.of(), now);
    }

    private static void assertCondition(
            KafkaClusterStatus status, String type, ConditionStatus value, String reason) {
        Condition condition = status.findCondition(type).orElseThrow();
        assertThat(condition.getStatus()).as(type).isEqualTo(value);
        assertThat(condition.getReason()).as(type + " reason").isEqualTo(reason);
    }

    private static ClusterSnapshot snapshot(
            ClusterModel model, List<Pod> pods, Optional<KafkaObservation> kafka) {
        return new ClusterSnapshot(
                model,
                List.of(new PoolState(model.brokerPool(), statefulSet(), pods)),
                kafka,
                Optional.empty());
    }

    private static KafkaObservation healthy() {
        return new KafkaObservation(
                "cluster-id",
                List.of(broker(0), broker(1), broker(2)),
                Optional.of(1),
                Optional.of("4.4-IV2"),
                30,
                0,
                0);
    }

    private static KafkaObservation.Broker broker(int id) {
        return new KafkaObservation.Broker(id, Optional.of("zone-" + (char) ('a' + id)));
    }

    private static StatefulSet statefulSet() {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withGeneration(2L)
                .endMetadata()
                .withNewStatus()
                .withObservedGeneration(2L)
                .withUpdateRevision("rev-2")
                .endStatus()
                .build();
    }

    private static List<Pod> pods(ClusterModel model, boolean... ready) {
        NodePool pool = model.brokerPool();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < ready.length; i++) {
            pods.add(
                    new PodBuilder()
                            .withNewMetadata()
                            .withName(model.names().pod(pool, i))
                            .withLabels(
                                    Map.of(
                                            "controller-revision-hash",
                                            "rev-2",
                                            "topology.kubernetes.io/zone",
                                            "zone-a"))
                            .endMetadata()
                            .withNewSpec()
                            .withNodeName("node")
                            .addNewContainer()
                            .withName("kafka")
                            .addNewEnv()
                            .withName("TRIBUTARY_KAFKA_VERSION")
                            .withValue("4.4.0")
                            .endEnv()
                            .endContainer()
                            .endSpec()
                            .withNewStatus()
                            .addNewCondition()
                            .withType("Ready")
                            .withStatus(ready[i] ? "True" : "False")
                            .endCondition()
                            .endStatus()
                            .build());
        }
        return pods;
    }

    private static KafkaCluster cluster() throws Exception {
        Path file =
                Path.of(
                        System.getProperty("tributary.root", ".."),
                        "examples",
                        "kafka-cluster.yaml");
        KafkaCluster cluster = Serialization.unmarshal(Files.readString(file), KafkaCluster.class);
        cluster.getMetadata().setNamespace("kafka");
        cluster.getMetadata().setGeneration(3L);
        return cluster;
    }

    private static ClusterModel model(KafkaCluster cluster) {
        return ClusterModel.of(cluster, "cluster-id", "cluster.local", "image:0.1.0-kafka-4.4.0");
    }
}
