package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process listeners hear every change of their kind, and nothing once closed. */
class ChangeListenerTest {
    @TempDir Path workDir;

    @Test
    void aListenerHearsAddModifyAndDeleteOfItsKindOnly() throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture(workDir)) {
            KubernetesClient client = sandbox.server.client();
            List<String> heard = new CopyOnWriteArrayList<>();
            AutoCloseable listening =
                    sandbox.server.listen(
                            "",
                            "configmaps",
                            (type, object) ->
                                    heard.add(
                                            type
                                                    + " "
                                                    + object.path("metadata").path("name").asText()
                                                    + " "
                                                    + object.path("data").path("k").asText()));

            client.configMaps()
                    .resource(
                            new ConfigMapBuilder()
                                    .withNewMetadata()
                                    .withName("heard")
                                    .endMetadata()
                                    .withData(Map.of("k", "1"))
                                    .build())
                    .create();
            client.configMaps()
                    .withName("heard")
                    .edit(
                            c -> {
                                c.setData(Map.of("k", "2"));
                                return c;
                            });
            client.secrets()
                    .resource(
                            new io.fabric8.kubernetes.api.model.SecretBuilder()
                                    .withNewMetadata()
                                    .withName("not-heard")
                                    .endMetadata()
                                    .build())
                    .create();
            client.configMaps().withName("heard").delete();
            listening.close();
            client.configMaps()
                    .resource(
                            new ConfigMapBuilder()
                                    .withNewMetadata()
                                    .withName("after-close")
                                    .endMetadata()
                                    .build())
                    .create();

            assertThat(heard)
                    .containsExactly("ADDED heard 1", "MODIFIED heard 2", "DELETED heard 2");
        }
    }

    @Test
    void anUnknownKindIsAnError() {
        try (SandboxFixture sandbox = new SandboxFixture(workDir)) {
            assertThatThrownBy(() -> sandbox.server.listen("", "widgets", (type, object) -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("widgets");
        }
    }
}
