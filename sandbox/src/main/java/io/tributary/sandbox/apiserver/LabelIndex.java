package io.tributary.sandbox.apiserver;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one kind by label key and value, so that a selector with an equality, {@code in}
 * or exists requirement finds its candidates without a scan.
 */
final class LabelIndex {
    private final Map<String, Map<String, Set<String>>> keysByLabel = new HashMap<>();

    void add(StoredObject object) {
        object.labels()
                .forEach(
                        (key, value) ->
                                keysByLabel
                                        .computeIfAbsent(key, k -> new HashMap<>())
                                        .computeIfAbsent(value, v -> new HashSet<>())
                                        .add(object.key()));
    }

    void remove(StoredObject object) {
        object.labels()
                .forEach(
                        (key, value) -> {
                            Map<String, Set<String>> values = keysByLabel.get(key);
                            if (values == null) {
                                return;
                            }
                            Set<String> keys = values.get(value);
                            if (keys != null && keys.remove(object.key()) && keys.isEmpty()) {
                                values.remove(value);
                                if (values.isEmpty()) {
                                    keysByLabel.remove(key);
                                }
                            }
                        });
    }

    /**
     * The keys ({@code namespace/name}) of the objects that may match: those of the most selective
     * positive requirement; {@code null} when the selector has none and a scan is needed.
     */
    Collection<String> candidates(LabelSelector selector) {
        Collection<String> best = null;
        for (LabelSelector.Requirement requirement : selector.requirements()) {
            Collection<String> keys =
                    switch (requirement.operator()) {
                        case IN -> union(requirement.key(), requirement.values());
                        case EXISTS -> union(requirement.key(), null);
                        default -> null;
                    };
            if (keys != null && (best == null || keys.size() < best.size())) {
                best = keys;
            }
        }
        return best;
    }

    private Collection<String> union(String key, Set<String> values) {
        Map<String, Set<String>> byValue = keysByLabel.getOrDefault(key, Map.of());
        if (values != null && values.size() == 1) {
            return byValue.getOrDefault(values.iterator().next(), Set.of());
        }
        Set<String> union = new HashSet<>();
        byValue.forEach(
                (value, keys) -> {
                    if (values == null || values.contains(value)) {
                        union.addAll(keys);
                    }
                });
        return union;
    }
}
