package io.tributary.operator.cluster;

import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.kafka.KafkaObservation;
import java.util.List;
import java.util.Optional;

/**
 * Everything one reconcile observed of a cluster: its model, its pools as they run, and what the
 * brokers said (or why they could not be asked).
 */
public record ClusterSnapshot(
        ClusterModel model,
        List<PoolState> pools,
        Optional<KafkaObservation> kafka,
        Optional<String> kafkaError) {

    public ClusterSnapshot {
        pools = List.copyOf(pools);
    }

    public PoolState brokerPool() {
        return pools.stream().filter(p -> p.pool().isBroker()).findFirst().orElseThrow();
    }
}
