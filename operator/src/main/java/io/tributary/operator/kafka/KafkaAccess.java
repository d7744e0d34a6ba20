package io.tributary.operator.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the operator reaches a cluster's brokers: the bootstrap address and the client properties of
 * its identity there (none for a cluster without security). Its text form names the bootstrap
 * address and the property keys only: the values hold the operator's key.
 */
public record KafkaAccess(String bootstrap, Map<String, String> properties) {

    public KafkaAccess {
        properties = Map.copyOf(properties);
    }

    /** Plain connections, as to a cluster without security. */
    public static KafkaAccess plain(String bootstrap) {
        return new KafkaAccess(bootstrap, Map.of());
    }

    @Override
    public String toString() {
        return "KafkaAccess[" + bootstrap + ", " + new TreeMap<>(properties).keySet() + "]";
    }
}
