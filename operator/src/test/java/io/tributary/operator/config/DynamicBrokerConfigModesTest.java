package io.tributary.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.apache.kafka.server.config.DynamicBrokerConfig;
import org.junit.jupiter.api.Test;

/** The operator's copy of Kafka's dynamic broker configs is Kafka's own. */
class DynamicBrokerConfigModesTest {
    @Test
    void matchesKafkasDynamicBrokerConfig() {
        assertThat(DynamicBrokerConfigs.modes())
                .as(
                        "dynamic-broker-configs.properties must equal"
                            + " DynamicBrokerConfig.dynamicConfigUpdateModes() of the Kafka version"
                            + " the operator is built with")
                .isEqualTo(new TreeMap<>(DynamicBrokerConfig.dynamicConfigUpdateModes()));
    }

    @Test
    void replicationSettingsThatKafkaCanChangeLiveAreClusterWide() {
        assertThat(DynamicBrokerConfigs.clusterWide())
                .contains(
                        "min.insync.replicas", "unclean.leader.election.enable", "log.retention.ms")
                .doesNotContain("default.replication.factor", "log.retention.hours", "listeners");
    }
}
