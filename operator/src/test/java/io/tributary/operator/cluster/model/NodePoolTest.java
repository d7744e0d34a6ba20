package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.NodeRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodePoolTest {
    @Test
    void combinedModeIsOnePoolOfBrokersThatAreControllers() {
        List<NodePool> pools = NodePool.of(TestClusters.combined());
        assertThat(pools)
                .singleElement()
                .satisfies(
                        pool -> {
                            assertThat(pool.name()).isEqualTo("brokers");
                            assertThat(pool.roles())
                                    .containsExactlyInAnyOrder(
                                            NodeRole.BROKER, NodeRole.CONTROLLER);
                            assertThat(pool.processRoles()).isEqualTo("broker,controller");
                            assertThat(pool.nodeIds()).containsExactly(0, 1, 2);
                        });
    }

    @Test
    void dedicatedModeHasControllersFrom1000AndBrokersFrom0() {
        List<NodePool> pools = NodePool.of(TestClusters.dedicated());
        assertThat(pools).extracting(NodePool::name).containsExactly("controllers", "brokers");
        NodePool controllers = pools.get(0);
        NodePool brokers = pools.get(1);
        assertThat(controllers.processRoles()).isEqualTo("controller");
        assertThat(controllers.nodeIds()).containsExactly(1000, 1001, 1002);
        assertThat(brokers.processRoles()).isEqualTo("broker");
        assertThat(brokers.nodeIds()).containsExactly(0, 1, 2);
    }
}
