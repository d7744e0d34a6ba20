package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of the calls one client makes, as RBAC would see them. */
class ApiCallRecordTest {
    @TempDir Path workDir;
    SandboxFixture sandbox;
    KubernetesClient recorded;

    @BeforeEach
    void start() throws Exception {
        sandbox = new SandboxFixture(workDir);
        sandbox.server.recordCallsBy("recorded-client/");
        Config config = Config.fromKubeconfig(Files.readString(sandbox.server.kubeconfig()));
        config.setUserAgent("recorded-client/1.0");
        recorded = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        recorded.close();
        sandbox.close();
    }

    static ApiCall call(String verb, String group, String resource, String sub, String ns) {
        return new ApiCall(verb, group, resource, sub, ns, null);
    }

    @Test
    void recordsEachDistinctCallOfTheClientOnce() {
        recorded.configMaps()
                .inNamespace("default")
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("a")
                                .endMetadata()
                                .withData(Map.of("k", "v"))
                                .build())
                .create();
        recorded.configMaps().inNamespace("default").withName("a").get();
        recorded.configMaps().inNamespace("default").withName("a").get();
        recorded.configMaps()
                .inNamespace("default")
                .withName("a")
                .edit(c -> new ConfigMapBuilder(c).addToData("k2", "v2").build());
        recorded.configMaps().inNamespace("default").withName("a").delete();
        recorded.pods().inAnyNamespace().list();
        recorded.namespaces().list();
        recorded.getKubernetesVersion();
        recorded.resource(
                        new SelfSubjectRulesReviewBuilder()
                                .withNewSpec()
                                .withNamespace("default")
                                .endSpec()
                                .build())
                .create();
        try (var watch =
                recorded.services()
                        .inNamespace("default")
                        .watch(
                                new Watcher<Service>() {
                                    @Override
                                    public void eventReceived(Action action, Service resource) {}

                                    @Override
                                    public void onClose(WatcherException cause) {}
                                })) {
            // opening it is the call
        }

        assertThat(sandbox.server.recordedCalls())
                .contains(
                        call("create", "", "configmaps", null, "default"),
                        call("get", "", "configmaps", null, "default"),
                        call("patch", "", "configmaps", null, "default"),
                        call("delete", "", "configmaps", null, "default"),
                        call("list", "", "pods", null, null),
                        call("list", "", "namespaces", null, null),
                        call("watch", "", "services", null, "default"),
                        call(
                                "create",
                                "authorization.k8s.io",
                                "selfsubjectrulesreviews",
                                null,
                                null),
                        new ApiCall("get", null, null, null, null, "/version"))
                .doesNotHaveDuplicates();
    }

    @Test
    void callsOfOtherClientsAreNotRecorded() {
        sandbox.server.client().configMaps().inNamespace("default").list();
        sandbox.server.client().getKubernetesVersion();

        assertThat(sandbox.server.recordedCalls()).isEmpty();
    }

    @Test
    void aStatusSubresourceIsItsOwnResource() {
        sandbox.topics()
                .inNamespace("default")
                .resource(SandboxFixture.topic("orders", 3))
                .create();
        var topic =
                recorded.genericKubernetesResources(SandboxFixture.KAFKA_TOPICS)
                        .inNamespace("default")
                        .withName("orders")
                        .get();
        topic.setAdditionalProperty("status", Map.of("topicName", "orders"));
        recorded.genericKubernetesResources(SandboxFixture.KAFKA_TOPICS)
                .inNamespace("default")
                .resource(topic)
                .updateStatus();

        assertThat(sandbox.server.recordedCalls())
                .contains(
                        call("get", "kafka.tributary.io", "kafkatopics", null, "default"),
                        call("update", "kafka.tributary.io", "kafkatopics", "status", "default"));
    }
}
