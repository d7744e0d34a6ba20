package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches over websockets and chunked HTTP, their history, and fabric8 informers. */
class WatchTest {
    @TempDir Path workDir;
    SandboxFixture sandbox;
    KubernetesClient client;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(workDir, 50);
        client = sandbox.server.client();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void websocketWatchFollowsTheSelection() {
        List<String> events = new CopyOnWriteArrayList<>();
        Watch watch = client.configMaps().withLabel("app", "kafka").watch(recorder(events));
        try {
            client.configMaps().resource(labelled("w1", "kafka")).create();
            client.configMaps()
                    .withName("w1")
                    .edit(c -> new ConfigMapBuilder(c).addToData("k", "2").build());
            client.configMaps()
                    .withName("w1")
                    .edit(
                            c ->
                                    new ConfigMapBuilder(c)
                                            .editMetadata()
                                            .addToLabels("app", "other")
                                            .endMetadata()
                                            .build());
            client.configMaps()
                    .withName("w1")
                    .edit(
                            c ->
                                    new ConfigMapBuilder(c)
                                            .editMetadata()
                                            .addToLabels("app", "kafka")
                                            .endMetadata()
                                            .build());
            client.configMaps().withName("w1").delete();

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () ->
                                    assertThat(events)
                                            .containsExactly(
                                                    "ADDED w1",
                                                    "MODIFIED w1",
                                                    "DELETED w1",
                                                    "ADDED w1",
                                                    "DELETED w1"));
        } finally {
            watch.close();
        }
    }

    @Test
    void httpWatchStreamsChunks() throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(sandbox.server.kubeconfig()));
        config.setOnlyHttpWatches(true);
        List<String> events = new CopyOnWriteArrayList<>();
        try (KubernetesClient httpClient =
                new KubernetesClientBuilder().withConfig(config).build()) {
            // From a known version: fabric8 may return from watch() before the server has the
            // request, and a watch "from now" would then miss what happens in between.
            String version = client.configMaps().list().getMetadata().getResourceVersion();
            Watch watch =
                    httpClient
                            .configMaps()
                            .watch(
                                    new ListOptionsBuilder().withResourceVersion(version).build(),
                                    recorder(events));
            client.configMaps().resource(labelled("h1", "x")).create();
            client.configMaps().withName("h1").delete();

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(events).containsSubsequence("ADDED h1", "DELETED h1"));
            watch.close();
        }
    }

    @Test
    void watchReplaysFromAResourceVersionAndAnswersGoneWhenTooOld() throws Exception {
        ConfigMap first = client.configMaps().resource(labelled("r1", "x")).create();
        client.configMaps().resource(labelled("r2", "x")).create();
        String path =
                "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion=";

        HttpResponse<String> replay = sandbox.get(path + first.getMetadata().getResourceVersion());
        assertThat(replay.body().lines().toList())
                .singleElement()
                .asString()
                .startsWith("{\"type\":\"ADDED\"")
                .contains("\"name\":\"r2\"");

        for (int i = 0; i < 60; i++) {
            client.configMaps().resource(labelled("bulk-" + i, "x")).create();
        }
        HttpResponse<String> gone = sandbox.get(path + first.getMetadata().getResourceVersion());
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body())
                .startsWith("{\"type\":\"ERROR\"")
                .contains("\"code\":410", "too old resource version");
    }

    @Test
    void timeoutSecondsEndsTheWatchAndInitialEventsEndWithABookmark() throws Exception {
        client.configMaps().resource(labelled("t1", "x")).create();
        long start = System.nanoTime();

        HttpResponse<String> response =
                sandbox.get(
                        "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).contains("\"type\":\"ADDED\"", "\"name\":\"t1\"");
        assertThat(lines.get(lines.size() - 1))
                .contains("\"type\":\"BOOKMARK\"", "k8s.io/initial-events-end");
    }

    @Test
    void informerSeesChangesAndSurvivesReconnects() {
        List<String> events = new CopyOnWriteArrayList<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inform(handler(events));
        try {
            client.configMaps().resource(labelled("i1", "x")).create();
            client.configMaps()
                    .withName("i1")
                    .edit(c -> new ConfigMapBuilder(c).addToData("k", "2").build());
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(events).contains("add i1", "update i1"));

            sandbox.server.disconnectWatches();
            client.configMaps().resource(labelled("i2", "x")).create();
            client.configMaps().withName("i1").delete();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(events).contains("add i2", "delete i1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.server.watchCount() >= 1);
            client.configMaps().resource(labelled("i3", "x")).create();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(events).contains("add i3"));
        } finally {
            informer.close();
        }
    }

    @Test
    void informerRelistsWhenItsResourceVersionIsGone() {
        List<String> events = new CopyOnWriteArrayList<>();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inform(handler(events));
        try {
            client.configMaps().resource(labelled("g0", "x")).create();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(events).contains("add g0"));

            sandbox.server.disconnectWatches();
            for (int i = 1; i <= 60; i++) {
                client.configMaps().resource(labelled("g" + i, "x")).create();
            }

            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () ->
                                    assertThat(informer.getStore().listKeys())
                                            .contains("default/g60"));
        } finally {
            informer.close();
        }
    }

    @Test
    void watchesThatAllowBookmarksGetThemPeriodically() throws Exception {
        try (ApiServer server =
                ApiServer.builder()
                        .bookmarkInterval(Duration.ofMillis(200))
                        .build()
                        .start(workDir.resolve("bookmarks"))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var request =
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                            server.url()
                                                    + "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&allowWatchBookmarks=true&resourceVersion=1"))
                            .build();

            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();

            assertThat(body.lines().filter(l -> l.contains("\"type\":\"BOOKMARK\"")).count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private static ConfigMap labelled(String name, String app) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", app)
                .endMetadata()
                .addToData("k", "1")
                .build();
    }

    private static Watcher<ConfigMap> recorder(List<String> events) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {}
        };
    }

    private static ResourceEventHandler<ConfigMap> handler(List<String> events) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj) {
                events.add("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                if (!oldObj.getMetadata()
                        .getResourceVersion()
                        .equals(newObj.getMetadata().getResourceVersion())) {
                    events.add("update " + newObj.getMetadata().getName());
                }
            }

            @Override
            public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                events.add("delete " + obj.getMetadata().getName());
            }
        };
    }
}
