package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Object semantics through a fabric8 client: metadata, errors, optimistic concurrency. */
class ObjectSemanticsTest {
    @TempDir static Path workDir;
    static SandboxFixture sandbox;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(workDir);
        client = sandbox.server.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void createSetsSystemMetadataFromOneGlobalCounter() {
        ConfigMap first = client.configMaps().resource(configMap("meta-a")).create();
        ConfigMap second = client.configMaps().resource(configMap("meta-b")).create();

        assertThat(first.getMetadata().getUid()).isNotBlank();
        assertThat(first.getMetadata().getCreationTimestamp())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(Long.parseLong(second.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
        assertThat(client.configMaps().withName("meta-a").get().getData()).containsEntry("k", "v");
    }

    @Test
    void generateNameMakesAUniqueName() {
        ConfigMap generated =
                client.configMaps()
                        .resource(
                                new ConfigMapBuilder()
                                        .withNewMetadata()
                                        .withGenerateName("gen-")
                                        .endMetadata()
                                        .build())
                        .create();

        assertThat(generated.getMetadata().getName()).matches("gen-[a-z0-9]{5}");
    }

    @Test
    void errorsAreStatusObjectsWithTheRealCodes() {
        client.configMaps().resource(configMap("dup")).create();

        assertThatThrownBy(() -> client.configMaps().resource(configMap("dup")).create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(409);
                            assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                            assertThat(e.getStatus().getMessage())
                                    .isEqualTo("configmaps \"dup\" already exists");
                        });
        assertThat(client.configMaps().withName("missing").get()).isNull();
        assertThatThrownBy(
                        () ->
                                client.configMaps()
                                        .inNamespace("nowhere")
                                        .resource(configMap("x"))
                                        .create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(404);
                            assertThat(e.getStatus().getMessage())
                                    .isEqualTo("namespaces \"nowhere\" not found");
                        });
    }

    @Test
    void staleResourceVersionIsAConflictAndNoneIsUnconditional() {
        ConfigMap created = client.configMaps().resource(configMap("occ")).create();
        ConfigMap changed = new ConfigMapBuilder(created).addToData("k", "v2").build();
        client.configMaps().resource(changed).update();

        ConfigMap stale = new ConfigMapBuilder(created).addToData("k", "stale").build();
        assertThatThrownBy(() -> client.configMaps().resource(stale).update())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(409);
                            assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                        });

        ConfigMap unconditional = new ConfigMapBuilder(created).addToData("k", "v3").build();
        unconditional.getMetadata().setResourceVersion(null);
        client.configMaps().resource(unconditional).update();
        assertThat(client.configMaps().withName("occ").get().getData()).containsEntry("k", "v3");
    }

    @Test
    void aNoOpUpdateKeepsTheResourceVersion() {
        ConfigMap created = client.configMaps().resource(configMap("noop")).create();

        ConfigMap again = client.configMaps().resource(created).update();

        assertThat(again.getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());
    }

    @Test
    void generationMovesOnlyWhenTheSpecChanges() {
        GenericKubernetesResource topic =
                sandbox.topics().resource(SandboxFixture.topic("gen-topic", 3)).create();
        assertThat(topic.getMetadata().getGeneration()).isEqualTo(1L);

        GenericKubernetesResource labelled =
                sandbox.topics()
                        .withName("gen-topic")
                        .edit(
                                t -> {
                                    t.getMetadata().setLabels(Map.of("team", "a"));
                                    return t;
                                });
        assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);

        GenericKubernetesResource grown =
                sandbox.topics()
                        .withName("gen-topic")
                        .edit(
                                t -> {
                                    t.setAdditionalProperty(
                                            "spec",
                                            Map.of(
                                                    "clusterRef",
                                                    Map.of("name", "my-cluster"),
                                                    "partitions",
                                                    6));
                                    return t;
                                });
        assertThat(grown.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void clusterScopedKindsHaveNoNamespace() {
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("team-a")
                                .endMetadata()
                                .build())
                .create();
        client.rbac()
                .clusterRoles()
                .resource(
                        new ClusterRoleBuilder()
                                .withNewMetadata()
                                .withName("reader")
                                .endMetadata()
                                .build())
                .create();

        assertThat(
                        client.rbac()
                                .clusterRoles()
                                .withName("reader")
                                .get()
                                .getMetadata()
                                .getNamespace())
                .isNull();
        assertThat(client.namespaces().withName("team-a").get().getStatus().getPhase())
                .isEqualTo("Active");
        assertThat(client.namespaces().list().getItems())
                .extracting(n -> n.getMetadata().getName())
                .contains("default", "kube-system", "team-a");
    }

    @Test
    void putOfAMissingObjectIsNotFound() {
        ConfigMap ghost = configMap("ghost");
        assertThatThrownBy(() -> client.configMaps().resource(ghost).update())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void builtInDefaultsAreAppliedAndTheClusterIpIsKept() {
        var service =
                client.services()
                        .resource(
                                new io.fabric8.kubernetes.api.model.ServiceBuilder()
                                        .withNewMetadata()
                                        .withName("defaulted")
                                        .endMetadata()
                                        .withNewSpec()
                                        .addNewPort()
                                        .withPort(9092)
                                        .endPort()
                                        .endSpec()
                                        .build())
                        .create();
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getClusterIP()).startsWith("10.96.");
        assertThat(service.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(9092);

        var replaced =
                new io.fabric8.kubernetes.api.model.ServiceBuilder(service)
                        .editSpec()
                        .withClusterIP(null)
                        .withClusterIPs()
                        .endSpec()
                        .build();
        assertThat(client.services().resource(replaced).update().getSpec().getClusterIP())
                .isEqualTo(service.getSpec().getClusterIP());
    }

    static ConfigMap configMap(String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("k", "v")
                .build();
    }
}
