package io.tributary.operator.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * KRaft {@code metadata.version} names and their feature levels, as Kafka's {@code MetadataVersion}
 * defines them. The Admin API speaks levels; people and the spec speak names. The table is checked
 * against Kafka's own enum by a test.
 */
public final class MetadataVersions {
    static final Map<String, Short> LEVELS = new LinkedHashMap<>();

    static {
        String[] names = {
            "3.3-IV3", "3.4-IV0", "3.5-IV0", "3.5-IV1", "3.5-IV2", "3.6-IV0", "3.6-IV1", "3.6-IV2",
            "3.7-IV0", "3.7-IV1", "3.7-IV2", "3.7-IV3", "3.7-IV4", "3.8-IV0", "3.9-IV0", "4.0-IV0",
            "4.0-IV1", "4.0-IV2", "4.0-IV3", "4.1-IV0", "4.1-IV1", "4.2-IV0", "4.2-IV1", "4.3-IV0",
            "4.4-IV0", "4.4-IV1", "4.4-IV2"
        };
        short level = 7;
        for (String name : names) {
            LEVELS.put(name, level++);
        }
    }

    private MetadataVersions() {}

    public static Optional<Short> level(String name) {
        return Optional.ofNullable(LEVELS.get(name));
    }

    public static Optional<String> name(short level) {
        return LEVELS.entrySet().stream()
                .filter(e -> e.getValue() == level)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
