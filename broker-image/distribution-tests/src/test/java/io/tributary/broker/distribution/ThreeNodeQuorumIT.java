package io.tributary.broker.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three combined nodes from the Kafka 4.4.0 distribution, each on its own loopback address and DNS
 * name, form a dynamic quorum from one template and replicate with RF 3 and min ISR 2.
 */
class ThreeNodeQuorumIT {
    private static final Duration READY = Duration.ofSeconds(120);

    private final NodePool pool =
            NodePool.combined(
                    "trio",
                    BrokerDistribution.of("4.4.0"),
                    List.of("127.0.0.2", "127.0.0.3", "127.0.0.4"));

    @AfterEach
    void killBrokers() {
        pool.close();
    }

    @Test
    void replicatesAcrossThreeNodes() throws Exception {
        List<BrokerProcess> nodes = pool.startAll();
        nodes.forEach(node -> node.awaitReady(READY));

        try (Admin admin = KafkaClients.admin(pool.bootstrapServers())) {
            QuorumInfo quorum =
                    admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS);
            assertThat(quorum.voters())
                    .extracting(QuorumInfo.ReplicaState::replicaId)
                    .containsExactlyInAnyOrder(0, 1, 2);
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
        }
        KafkaClients.createTopic(
                pool.bootstrapServers(),
                "replicated",
                3,
                (short) 3,
                Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));

        List<String> values = new ArrayList<>(KafkaClients.values("all-up", 300));
        KafkaClients.produce(pool.bootstrapServers(), "replicated", values);

        // With one node stopped, acks=all still succeeds: two replicas meet min ISR 2.
        BrokerProcess stopped = nodes.get(2);
        stopped.assertExitedCleanly(stopped.stop(Duration.ofSeconds(60)));
        List<String> more = KafkaClients.values("one-down", 100);
        KafkaClients.produce(pool.bootstrapServers(), "replicated", more);
        values.addAll(more);

        assertThat(
                        KafkaClients.consume(
                                pool.bootstrapServers(),
                                "replicated",
                                values.size(),
                                Duration.ofSeconds(60)))
                .containsExactlyInAnyOrderElementsOf(values);
    }
}
