package io.tributary.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/**
 * Lets an update of a primary resource through when its spec changed (a new generation), when one
 * of Tributary's own annotations changed, since those carry a person's intent (pausing, for one)
 * without touching the spec, or when its finalizers or deletion changed, which JOSDK's own
 * finalizer handling needs to see. Status updates, including the operator's own, do not pass.
 */
public final class SpecOrIntentChanged<R extends HasMetadata> implements OnUpdateFilter<R> {
    static final String ANNOTATION_PREFIX = "kafka.tributary.io/";

    @Override
    public boolean accept(R updated, R previous) {
        return !Objects.equals(
                        updated.getMetadata().getGeneration(),
                        previous.getMetadata().getGeneration())
                || !tributaryAnnotations(updated).equals(tributaryAnnotations(previous))
                || !Objects.equals(
                        updated.getMetadata().getFinalizers(),
                        previous.getMetadata().getFinalizers())
                || !Objects.equals(
                        updated.getMetadata().getDeletionTimestamp(),
                        previous.getMetadata().getDeletionTimestamp());
    }

    private static Map<String, String> tributaryAnnotations(HasMetadata resource) {
        Map<String, String> all = resource.getMetadata().getAnnotations();
        if (all == null) {
            return Map.of();
        }
        Map<String, String> ours = new java.util.TreeMap<>();
        all.forEach(
                (key, value) -> {
                    if (key.startsWith(ANNOTATION_PREFIX)) {
                        ours.put(key, value);
                    }
                });
        return ours;
    }
}
