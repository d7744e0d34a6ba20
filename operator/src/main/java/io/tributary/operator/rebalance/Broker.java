package io.tributary.operator.rebalance;

import java.util.Objects;
import java.util.Optional;

/** A broker that may hold replicas, with its rack when racks are configured. */
public record Broker(int id, Optional<String> rack) {

    public Broker {
        if (id < 0) {
            throw new IllegalArgumentException("brokers[" + id + "].id: must not be negative");
        }
        Objects.requireNonNull(rack, "brokers[" + id + "].rack");
        if (rack.isPresent() && rack.get().isBlank()) {
            throw new IllegalArgumentException(
                    "brokers[" + id + "].rack: must not be blank when set");
        }
    }

    public static Broker withoutRack(int id) {
        return new Broker(id, Optional.empty());
    }

    public static Broker inRack(int id, String rack) {
        return new Broker(id, Optional.of(rack));
    }
}
