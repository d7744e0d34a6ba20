package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.StorageSpec;
import io.tributary.api.v1alpha1.cluster.StorageType;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.status.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes to a running cluster that the operator refuses, and those it makes. */
class ClusterChangeValidatorTest {
    @Test
    void aNewClusterHasNothingToCompareWith() throws Exception {
        assertThat(ClusterChangeValidator.refusals(NodePool.of(cluster()), Map.of())).isEmpty();
    }

    @Test
    void anUnchangedClusterIsAccepted() throws Exception {
        KafkaCluster cluster = cluster();
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, null))))
                .isEmpty();
    }

    @Test
    void changingTheCombinedQuorumIsRefused() throws Exception {
        KafkaCluster cluster = cluster();
        cluster.getSpec().getBrokers().setReplicas(5);
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, null))))
                .extracting(Problem::reason)
                .containsExactly("ControllerScalingNotSupported");
    }

    @Test
    void dedicatedBrokersMayBeAddedOrRemoved() throws Exception {
        // Removing brokers is not refused here: they are drained first (BrokerCount, the
        // rebalance), and a drain that cannot keep every replica is refused by the planner.
        KafkaCluster cluster = dedicated();
        cluster.getSpec().getBrokers().setReplicas(2);
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, "500Gi"))))
                .isEmpty();
        cluster.getSpec().getBrokers().setReplicas(4);
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, "500Gi"))))
                .isEmpty();
    }

    @Test
    void resizingOrRetypingStorageIsRefused() throws Exception {
        KafkaCluster cluster = dedicated();
        cluster.getSpec().getBrokers().getStorage().setSize("1Ti");
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, "500Gi"))))
                .extracting(Problem::reason)
                .containsExactly("StorageResizeNotSupported");
        StorageSpec ephemeral = new StorageSpec();
        ephemeral.setType(StorageType.EPHEMERAL);
        cluster.getSpec().getBrokers().setStorage(ephemeral);
        assertThat(
                        ClusterChangeValidator.refusals(
                                NodePool.of(cluster), Map.of("brokers", running(3, "500Gi"))))
                .extracting(Problem::reason)
                .containsExactly("StorageTypeChangeNotSupported");
    }

    private static StatefulSet running(int replicas, String claimSize) {
        StatefulSetBuilder sts =
                new StatefulSetBuilder().withNewSpec().withReplicas(replicas).endSpec();
        if (claimSize != null) {
            sts.editSpec()
                    .addNewVolumeClaimTemplate()
                    .withNewMetadata()
                    .withName("data")
                    .endMetadata()
                    .withNewSpec()
                    .withNewResources()
                    .withRequests(Map.of("storage", new Quantity(claimSize)))
                    .endResources()
                    .endSpec()
                    .endVolumeClaimTemplate()
                    .endSpec();
        }
        return sts.build();
    }

    private static KafkaCluster cluster() throws Exception {
        return read("kafka-cluster.yaml");
    }

    private static KafkaCluster dedicated() throws Exception {
        return read("kafka-cluster-production.yaml");
    }

    private static KafkaCluster read(String name) throws Exception {
        Path file = Path.of(System.getProperty("tributary.root", ".."), "examples", name);
        return Serialization.unmarshal(Files.readString(file), KafkaCluster.class);
    }
}
