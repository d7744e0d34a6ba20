package io.tributary.broker.health;

import java.util.Optional;

/**
 * The metric values readiness is decided on, as read from Kafka's MBeans; empty when the MBean is
 * not registered (yet).
 *
 * @param brokerState {@code kafka.server:type=KafkaServer,name=BrokerState} (3 is RUNNING)
 * @param raftState {@code kafka.server:type=raft-metrics} {@code current-state}
 * @param raftLeader {@code kafka.server:type=raft-metrics} {@code current-leader} (-1 is unknown)
 * @param kafkaVersion {@code kafka.server:type=app-info,id=<node id>} {@code Version}
 */
public record NodeMetrics(
        Optional<Integer> brokerState,
        Optional<String> raftState,
        Optional<Integer> raftLeader,
        Optional<String> kafkaVersion) {

    public static final NodeMetrics NONE =
            new NodeMetrics(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
