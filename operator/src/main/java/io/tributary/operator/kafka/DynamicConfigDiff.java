package io.tributary.operator.kafka;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The writes that bring the cluster's dynamic broker defaults to what the spec asks: keys to set
 * (missing or with another value) and keys to delete (set dynamically but no longer asked for, so
 * that they return to the brokers' file or Kafka's default). Empty when nothing is to be written.
 */
public record DynamicConfigDiff(Map<String, String> set, Set<String> delete) {

    public DynamicConfigDiff {
        set = Map.copyOf(set);
        delete = Set.copyOf(delete);
    }

    /**
     * @param desired the cluster-wide dynamic configs the spec asks for
     * @param current the configs set dynamically at the cluster-default level now
     */
    public static DynamicConfigDiff between(
            Map<String, String> desired, Map<String, String> current) {
        Map<String, String> set = new TreeMap<>();
        desired.forEach(
                (key, value) -> {
                    if (!value.equals(current.get(key))) {
                        set.put(key, value);
                    }
                });
        Set<String> delete = new TreeSet<>(current.keySet());
        delete.removeAll(desired.keySet());
        return new DynamicConfigDiff(set, delete);
    }

    public boolean isEmpty() {
        return set.isEmpty() && delete.isEmpty();
    }
}
