package io.tributary.operator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Kafka's own list of the broker configs it can change at run time, and whether a change applies to
 * the whole cluster or to one broker. Read from Kafka's {@code DynamicBrokerConfig} (a test keeps
 * the copy in this jar equal to it); everything else needs a restart.
 */
public final class DynamicBrokerConfigs {
    public static final String CLUSTER_WIDE = "cluster-wide";
    public static final String PER_BROKER = "per-broker";

    private static final Map<String, String> MODES = load();

    private DynamicBrokerConfigs() {}

    /** Every dynamic config and its mode ({@code cluster-wide} or {@code per-broker}). */
    public static Map<String, String> modes() {
        return MODES;
    }

    /** The configs that can be changed for all brokers at once, without a restart. */
    public static Set<String> clusterWide() {
        return MODES.entrySet().stream()
                .filter(e -> CLUSTER_WIDE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> load() {
        try (InputStream in =
                DynamicBrokerConfigs.class.getResourceAsStream(
                        "dynamic-broker-configs.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> modes = new TreeMap<>();
            properties.forEach((k, v) -> modes.put((String) k, (String) v));
            return Map.copyOf(modes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
