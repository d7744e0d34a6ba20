package io.tributary.operator.kafka;

import java.util.List;
import java.util.Optional;

/**
 * What the brokers said about their cluster in one round of Admin calls: identity, registered
 * brokers, quorum and partition health.
 */
public record KafkaObservation(
        String clusterId,
        List<Broker> brokers,
        Optional<Integer> activeController,
        Optional<String> metadataVersion,
        int partitions,
        int underReplicatedPartitions,
        int offlinePartitions) {

    public KafkaObservation {
        brokers = List.copyOf(brokers);
    }

    /** A broker registered with the controller, with its rack when it has one. */
    public record Broker(int id, Optional<String> rack) {}

    public Optional<Broker> broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst();
    }
}
