package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 custom resources over HTTP through a fabric8 client: creates, gets, label-selected lists
 * and patches must cost what they touch, not the size of the store. Prints the figures.
 */
class ScalePerformanceTest {
    private static final int TOPICS = 10_000;
    private static final int GROUPS = 1_000;

    @TempDir static Path workDir;
    static SandboxFixture sandbox;
    static Duration creating;

    @BeforeAll
    static void fill() {
        sandbox = new SandboxFixture(workDir);
        long start = System.nanoTime();
        for (int i = 0; i < TOPICS; i++) {
            GenericKubernetesResource topic = SandboxFixture.topic("topic-" + i, 1 + i % 12);
            topic.getMetadata().setLabels(Map.of("group", "g" + i % GROUPS));
            sandbox.topics().resource(topic).create();
        }
        creating = Duration.ofNanos(System.nanoTime() - start);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void getsListsAndUpdatesStayFastAtTenThousandObjects() {
        long start = System.nanoTime();
        for (int i = 0; i < TOPICS; i++) {
            assertThat(sandbox.topics().withName("topic-" + i).get()).isNotNull();
        }
        Duration getting = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            assertThat(sandbox.topics().withLabel("group", "g" + i).list().getItems())
                    .hasSize(TOPICS / GROUPS);
        }
        Duration listing = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            sandbox.topics()
                    .withName("topic-" + i)
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            "{\"metadata\":{\"labels\":{\"patched\":\"yes\"}}}");
        }
        Duration patching = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        int all = sandbox.topics().list().getItems().size();
        Duration listingAll = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf(
                "sandbox API server, %d KafkaTopics over HTTP (fabric8 client, one request at a"
                    + " time):%n  create: %d ms total, %.3f ms each%n  get:    %d ms total, %.3f ms"
                    + " each%n  list by label (10 matches): %.3f ms each%n  merge patch: %.3f ms"
                    + " each%n  list all %d: %d ms%n",
                TOPICS,
                creating.toMillis(),
                creating.toNanos() / 1e6 / TOPICS,
                getting.toMillis(),
                getting.toNanos() / 1e6 / TOPICS,
                listing.toNanos() / 1e6 / 500,
                patching.toNanos() / 1e6 / 2_000,
                all,
                listingAll.toMillis());

        assertThat(all).isEqualTo(TOPICS);
        // Generous bounds for a loaded 2-core machine; a scan per request would be far slower.
        assertThat(getting.toNanos() / TOPICS).isLessThan(Duration.ofMillis(5).toNanos());
        assertThat(listing.toNanos() / 500).isLessThan(Duration.ofMillis(10).toNanos());
        assertThat(patching.toNanos() / 2_000).isLessThan(Duration.ofMillis(10).toNanos());
    }

    @Test
    void theStoreItselfCostsMicroseconds() {
        ApiServer server = sandbox.server;
        ResourceType type =
                server.registry()
                        .find("kafka.tributary.io", "v1alpha1", "kafkatopics")
                        .orElseThrow();
        ObjectStore store = server.store();
        WriteOptions options = WriteOptions.internal();
        server.client()
                .namespaces()
                .resource(
                        new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                                .withNewMetadata()
                                .withName("bench")
                                .endMetadata()
                                .build())
                .create();
        long start = System.nanoTime();
        for (int i = 0; i < TOPICS; i++) {
            var topic = Json.MAPPER.valueToTree(SandboxFixture.topic("direct-" + i, 3));
            ((com.fasterxml.jackson.databind.node.ObjectNode) topic.path("metadata"))
                    .putObject("labels")
                    .put("direct", "d" + i % GROUPS);
            server.operations()
                    .create(
                            type,
                            "bench",
                            (com.fasterxml.jackson.databind.node.ObjectNode) topic,
                            options);
        }
        Duration creating = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        for (int i = 0; i < TOPICS; i++) {
            int n = i;
            assertThat(store.read(() -> store.get(type.storageKey(), "bench", "direct-" + n)))
                    .isNotNull();
        }
        Duration getting = Duration.ofNanos(System.nanoTime() - start);

        LabelSelector selector = LabelSelector.parse("direct=d7");
        start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            assertThat(
                            store.read(
                                    () ->
                                            store.list(
                                                    type.storageKey(),
                                                    "bench",
                                                    selector,
                                                    FieldSelector.EVERYTHING)))
                    .hasSize(TOPICS / GROUPS);
        }
        Duration listing = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        for (int i = 0; i < TOPICS; i++) {
            server.operations()
                    .patch(
                            type,
                            "bench",
                            "direct-" + i,
                            PatchApplier.MERGE_PATCH,
                            "{\"spec\":{\"partitions\":4}}"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            false,
                            options);
        }
        Duration patching = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf(
                "sandbox API server store, in process, %d more KafkaTopics (%d stored in all):%n"
                        + "  create: %d ms total, %.1f us each%n"
                        + "  get:    %d ms total, %.1f us each%n"
                        + "  list by label (10 matches of %d): %.1f us each%n"
                        + "  merge patch: %d ms total, %.1f us each%n",
                TOPICS,
                2 * TOPICS,
                creating.toMillis(),
                creating.toNanos() / 1e3 / TOPICS,
                getting.toMillis(),
                getting.toNanos() / 1e3 / TOPICS,
                2 * TOPICS,
                listing.toNanos() / 1e3 / 1_000,
                patching.toMillis(),
                patching.toNanos() / 1e3 / TOPICS);

        assertThat(creating.plus(getting)).isLessThan(Duration.ofSeconds(5));
        assertThat(listing.toNanos() / 1_000).isLessThan(Duration.ofMillis(1).toNanos());
    }
}
