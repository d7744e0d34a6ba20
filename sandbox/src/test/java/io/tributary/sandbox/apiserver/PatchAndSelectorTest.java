package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PATCH in every supported content type, and list selectors, against the running server. */
class PatchAndSelectorTest {
    @TempDir static Path workDir;
    static SandboxFixture sandbox;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(workDir);
        client = sandbox.server.client();
        for (String[] labels :
                List.of(
                        new String[] {"s-1", "kafka", "a"},
                        new String[] {"s-2", "kafka", "b"},
                        new String[] {"s-3", "zookeeper", "a"},
                        new String[] {"s-4", null, "c"})) {
            var builder =
                    new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(labels[0])
                            .addToLabels("tier", labels[2])
                            .endMetadata();
            if (labels[1] != null) {
                builder.editMetadata().addToLabels("app", labels[1]).endMetadata();
            }
            client.configMaps().resource(builder.build()).create();
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void labelSelectorsOfEveryOperator() {
        assertThat(names("app=kafka")).containsExactly("s-1", "s-2");
        assertThat(names("app==kafka")).containsExactly("s-1", "s-2");
        assertThat(names("app!=kafka")).containsExactly("s-3", "s-4");
        assertThat(names("tier in (a,c)")).containsExactly("s-1", "s-3", "s-4");
        assertThat(names("tier notin (a,c)")).containsExactly("s-2");
        assertThat(names("app")).containsExactly("s-1", "s-2", "s-3");
        assertThat(names("!app")).containsExactly("s-4");
        assertThat(names("app=kafka,tier=b")).containsExactly("s-2");
    }

    @Test
    void fieldSelectorsOnNameAndNamespace() {
        assertThat(client.configMaps().withField("metadata.name", "s-3").list().getItems())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("s-3");
        assertThat(
                        client.configMaps()
                                .inAnyNamespace()
                                .withField("metadata.namespace", "default")
                                .withLabel("tier")
                                .list()
                                .getItems())
                .hasSize(4);
        assertThat(
                        client.configMaps()
                                .inAnyNamespace()
                                .withField("metadata.namespace", "kube-system")
                                .withLabel("tier")
                                .list()
                                .getItems())
                .isEmpty();
    }

    @Test
    void jsonMergeAndStrategicPatches() {
        client.pods()
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName("patched")
                                .endMetadata()
                                .withNewSpec()
                                .addNewContainer()
                                .withName("a")
                                .withImage("one")
                                .addNewEnv()
                                .withName("X")
                                .withValue("1")
                                .endEnv()
                                .endContainer()
                                .addNewContainer()
                                .withName("b")
                                .withImage("two")
                                .endContainer()
                                .endSpec()
                                .build())
                .create();

        client.pods()
                .withName("patched")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"p\":\"json\"}}]");
        client.pods()
                .withName("patched")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"m\":\"merge\"}}}");
        client.pods()
                .withName("patched")
                .patch(
                        PatchContext.of(PatchType.STRATEGIC_MERGE),
                        "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"three\",\"env\":[{\"name\":\"Y\",\"value\":\"2\"}]}]}}");

        var pod = client.pods().withName("patched").get();
        assertThat(pod.getMetadata().getLabels()).containsEntry("p", "json");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("m", "merge");
        assertThat(pod.getSpec().getContainers())
                .extracting(c -> c.getName() + "=" + c.getImage())
                .containsExactly("a=one", "b=three");
        assertThat(pod.getSpec().getContainers().get(0).getEnv()).hasSize(1);
        assertThat(pod.getSpec().getContainers().get(1).getEnv())
                .extracting(e -> e.getName())
                .containsExactly("Y");

        client.pods()
                .withName("patched")
                .patch(
                        PatchContext.of(PatchType.STRATEGIC_MERGE),
                        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"$patch\":\"delete\"}]}}");
        assertThat(client.pods().withName("patched").get().getSpec().getContainers())
                .extracting(c -> c.getName())
                .containsExactly("b");
    }

    @Test
    void serverSideApplyIsUnsupportedMediaType() throws Exception {
        HttpResponse<String> response =
                sandbox.request(
                        "PATCH",
                        "/api/v1/namespaces/default/configmaps/s-1?fieldManager=x",
                        "application/apply-patch+yaml",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"s-1\"}}",
                        null);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"kind\":\"Status\"", "UnsupportedMediaType");
    }

    @Test
    void aStalePatchIsAConflict() throws Exception {
        HttpResponse<String> response =
                sandbox.request(
                        "PATCH",
                        "/api/v1/namespaces/default/configmaps/s-1",
                        "application/merge-patch+json",
                        "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"x\":\"y\"}}",
                        null);

        assertThat(response.statusCode()).isEqualTo(409);
    }

    private static List<String> names(String selector) {
        return client.configMaps().withLabelSelector(selector).list().getItems().stream()
                .map(c -> c.getMetadata().getName())
                .filter(n -> n.startsWith("s-"))
                .toList();
    }
}
