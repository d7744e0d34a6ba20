package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class ClusterModelTest {
    @Test
    void initialControllersNameEveryVoterWithItsAddressAndDirectory() {
        ClusterModel model = TestClusters.model(TestClusters.dedicated());
        String[] voters = model.initialControllers().split(",");
        assertThat(voters).hasSize(3);
        assertThat(voters[0])
                .startsWith(
                        "1000@production-controllers-0.production-controllers.kafka.svc.cluster.local:9090:")
                .endsWith(ControllerDirectoryIds.of(TestClusters.CLUSTER_ID, 1000));
        assertThat(voters[2]).startsWith("1002@production-controllers-2.");
    }

    @Test
    void directoryIdsAreStableDistinctKafkaUuids() {
        String first = ControllerDirectoryIds.of("cluster-a", 0);
        assertThat(ControllerDirectoryIds.of("cluster-a", 0)).isEqualTo(first);
        assertThat(ControllerDirectoryIds.of("cluster-a", 1)).isNotEqualTo(first);
        assertThat(ControllerDirectoryIds.of("cluster-b", 0)).isNotEqualTo(first);
        assertThat(Uuid.fromString(first).toString()).isEqualTo(first);
    }

    @Test
    void newClusterIdsAreKafkaUuids() {
        String id = ClusterIds.random();
        assertThat(Uuid.fromString(id).toString()).isEqualTo(id);
        assertThat(ClusterIds.random()).isNotEqualTo(id);
    }

    @Test
    void combinedModeControllersAreTheBrokers() {
        ClusterModel model = TestClusters.model(TestClusters.combined());
        assertThat(model.controllerPool()).isSameAs(model.brokerPool());
        assertThat(model.controllerQuorumAddresses())
                .containsExactly(
                        "my-cluster-brokers-0.my-cluster-brokers.kafka.svc.cluster.local:9090",
                        "my-cluster-brokers-1.my-cluster-brokers.kafka.svc.cluster.local:9090",
                        "my-cluster-brokers-2.my-cluster-brokers.kafka.svc.cluster.local:9090");
    }
}
