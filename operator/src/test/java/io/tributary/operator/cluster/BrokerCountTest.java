package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.RebalanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerCountTest {
    @Test
    void growingOrSteadyIsTheSpecsCount() {
        assertThat(BrokerCount.effective(4, 3, 0, null)).isEqualTo(4);
        assertThat(BrokerCount.effective(3, 3, 0, null)).isEqualTo(3);
        assertThat(BrokerCount.effective(3, 0, 0, null)).isEqualTo(3);
    }

    @Test
    void brokersToRemoveRunUntilDrained() {
        assertThat(BrokerCount.effective(3, 4, 0, null)).isEqualTo(4);
        assertThat(BrokerCount.effective(3, 4, 0, rebalance(RebalanceStatus.MOVING, List.of(3))))
                .isEqualTo(4);
        assertThat(
                        BrokerCount.effective(
                                3, 4, 0, rebalance(RebalanceStatus.REMOVING_BROKERS, List.of(3))))
                .isEqualTo(3);
    }

    @Test
    void aDrainOfOtherBrokersDoesNotCount() {
        assertThat(
                        BrokerCount.effective(
                                2, 4, 0, rebalance(RebalanceStatus.REMOVING_BROKERS, List.of(3))))
                .isEqualTo(4);
    }

    private static RebalanceStatus rebalance(String state, List<Integer> draining) {
        RebalanceStatus status = new RebalanceStatus();
        status.setState(state);
        status.setDraining(draining);
        return status;
    }
}
