package io.tributary.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecOrIntentChangedTest {
    private static final String PAUSE = "kafka.tributary.io/pause-reconciliation";
    private final SpecOrIntentChanged<ConfigMap> filter = new SpecOrIntentChanged<>();

    @Test
    void aNewGenerationPasses() {
        assertThat(filter.accept(resource(2, Map.of()), resource(1, Map.of()))).isTrue();
    }

    @Test
    void aStatusOnlyUpdatePassesNot() {
        assertThat(filter.accept(resource(1, Map.of("a", "b")), resource(1, Map.of("a", "b"))))
                .isFalse();
    }

    @Test
    void foreignAnnotationsPassNot() {
        assertThat(
                        filter.accept(
                                resource(1, Map.of("argocd.argoproj.io/sync", "x")),
                                resource(1, Map.of())))
                .isFalse();
    }

    @Test
    void addingChangingAndRemovingOurAnnotationsPass() {
        assertThat(filter.accept(resource(1, Map.of(PAUSE, "true")), resource(1, null))).isTrue();
        assertThat(
                        filter.accept(
                                resource(1, Map.of(PAUSE, "false")),
                                resource(1, Map.of(PAUSE, "true"))))
                .isTrue();
        assertThat(filter.accept(resource(1, Map.of()), resource(1, Map.of(PAUSE, "true"))))
                .isTrue();
    }

    @Test
    void addingOrRemovingAFinalizerPasses() {
        ConfigMap without = resource(1, Map.of());
        ConfigMap with = resource(1, Map.of());
        with.getMetadata()
                .setFinalizers(java.util.List.of("kafkatopics.kafka.tributary.io/finalizer"));

        assertThat(filter.accept(with, without)).isTrue();
        assertThat(filter.accept(without, with)).isTrue();
    }

    @Test
    void beingMarkedForDeletionPasses() {
        ConfigMap deleting = resource(1, Map.of());
        deleting.getMetadata().setDeletionTimestamp("2026-11-24T12:00:00Z");

        assertThat(filter.accept(deleting, resource(1, Map.of()))).isTrue();
    }

    private static ConfigMap resource(long generation, Map<String, String> annotations) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withGeneration(generation)
                .withAnnotations(annotations)
                .endMetadata()
                .build();
    }
}
