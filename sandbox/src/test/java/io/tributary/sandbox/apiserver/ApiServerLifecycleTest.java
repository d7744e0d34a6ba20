package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, the kubeconfig, pod logs, and closing without leaking threads or the port. */
class ApiServerLifecycleTest {
    @TempDir Path workDir;

    @Test
    void listensOnLoopbackAndWritesAKubeconfigThatClientsUse() throws Exception {
        try (ApiServer server = ApiServer.builder().build().start(workDir)) {
            URI url = URI.create(server.url());
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPort()).isPositive();
            assertThat(server.kubeconfig()).isEqualTo(workDir.resolve("kubeconfig"));

            Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
            assertThat(config.getMasterUrl()).startsWith(server.url());
            assertThat(config.getNamespace()).isEqualTo("default");
            assertThat(server.client().getKubernetesVersion().getGitVersion()).startsWith("v1.32");
        }
    }

    @Test
    void podLogsComeFromThePluggableSource() {
        try (ApiServer server = ApiServer.builder().build().start(workDir)) {
            server.client()
                    .pods()
                    .resource(
                            new PodBuilder()
                                    .withNewMetadata()
                                    .withName("p")
                                    .endMetadata()
                                    .withNewSpec()
                                    .addNewContainer()
                                    .withName("main")
                                    .withImage("i")
                                    .endContainer()
                                    .endSpec()
                                    .build())
                    .create();
            assertThat(server.client().pods().withName("p").getLog()).isEmpty();

            server.podLogSource(
                    r ->
                            new ByteArrayInputStream(
                                    ("log of " + r.pod() + "/" + r.container())
                                            .getBytes(StandardCharsets.UTF_8)));

            assertThat(server.client().pods().withName("p").getLog()).isEqualTo("log of p/main");
        }
    }

    @Test
    void closeReleasesThePortAndTheThreads() throws Exception {
        Set<String> before = threadNames();
        ApiServer server = ApiServer.builder().build().start(workDir);
        server.client().configMaps().list();
        server.client()
                .configMaps()
                .watch(
                        new io.fabric8.kubernetes.client.Watcher<>() {
                            @Override
                            public void eventReceived(
                                    Action action,
                                    io.fabric8.kubernetes.api.model.ConfigMap resource) {}

                            @Override
                            public void onClose(
                                    io.fabric8.kubernetes.client.WatcherException cause) {}
                        });
        int port = URI.create(server.url()).getPort();

        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(threadNames()).isSubsetOf(before));
    }

    @Test
    void requiresStartBeforeUse() {
        ApiServer server = ApiServer.builder().build();
        assertThatThrownBy(server::client).isInstanceOf(IllegalStateException.class);
        server.close();
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(
                        n ->
                                !n.startsWith("ForkJoinPool")
                                        && !n.startsWith("awaitility")
                                        && !n.equals("Attach Listener"))
                .map(n -> n.replaceAll("\\d+", "#"))
                .collect(Collectors.toSet());
    }
}
