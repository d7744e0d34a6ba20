package io.tributary.operator.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConnectionsTest {
    @Test
    void aBootstrapAddressThatDoesNotResolveYetIsKafkaBeingUnavailableNotAFailure() {
        try (AdminConnections connections = new AdminConnections(Map.of())) {
            assertThatThrownBy(
                            () ->
                                    connections.admin(
                                            "ns/new-cluster",
                                            "new-cluster-brokers-0.new-cluster-brokers.ns.svc"
                                                    + ".cluster.invalid:9092"))
                    .isInstanceOf(KafkaUnavailableException.class)
                    .hasMessageContaining("new-cluster-brokers-0");
        }
    }
}
