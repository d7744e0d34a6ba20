package io.tributary.operator.cluster.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a change of a pool's broker configuration needs, from the least disruptive: nothing, an
 * update through the Admin API while the brokers run, or a rolling restart. Kafka decides which
 * keys it can change at run time ({@code DynamicBrokerConfigs}, taken from Kafka's own table); the
 * operator applies those cluster-wide, so a key Kafka can change only per broker still takes a
 * restart. Pure.
 */
public final class ConfigChangeClassifier {
    /** The most disruptive action a change needs. */
    public enum Action {
        NONE,
        DYNAMIC_UPDATE,
        ROLLING_RESTART
    }

    /** The action, and which changed keys need what. */
    public record Classification(
            Action action, SortedSet<String> dynamicKeys, SortedSet<String> restartKeys) {

        /**
         * One line for an event, for example {@code log.retention.ms applied without a restart}.
         */
        public String describe() {
            StringBuilder text = new StringBuilder();
            if (!dynamicKeys.isEmpty()) {
                text.append(String.join(", ", dynamicKeys)).append(" applied without a restart");
            }
            if (!restartKeys.isEmpty()) {
                text.append(text.isEmpty() ? "" : "; ")
                        .append(String.join(", ", restartKeys))
                        .append(" take effect after a rolling restart");
            }
            return text.toString();
        }
    }

    private ConfigChangeClassifier() {}

    /**
     * @param running the configuration the nodes run (the ConfigMap's template as it is)
     * @param desired the configuration the spec asks for
     * @param clusterWideDynamic the keys Kafka can change at run time for the whole cluster
     */
    public static Classification classify(
            Map<String, String> running,
            Map<String, String> desired,
            Set<String> clusterWideDynamic) {
        Set<String> keys = new HashSet<>(running.keySet());
        keys.addAll(desired.keySet());
        SortedSet<String> dynamic = new TreeSet<>();
        SortedSet<String> restart = new TreeSet<>();
        for (String key : keys) {
            if (Objects.equals(running.get(key), desired.get(key))) {
                continue;
            }
            boolean templated =
                    desired.getOrDefault(key, "").contains("${")
                            || running.getOrDefault(key, "").contains("${");
            if (clusterWideDynamic.contains(key) && !templated) {
                dynamic.add(key);
            } else {
                restart.add(key);
            }
        }
        Action action =
                !restart.isEmpty()
                        ? Action.ROLLING_RESTART
                        : !dynamic.isEmpty() ? Action.DYNAMIC_UPDATE : Action.NONE;
        return new Classification(action, dynamic, restart);
    }

    /** A {@code server.properties} text as a map. */
    public static Map<String, String> parse(String properties) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        parsed.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }
}
