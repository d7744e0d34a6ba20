package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tributary.sandbox.admission.FieldValidation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status subresource, and the admission of custom resources. */
class StatusAndAdmissionTest {
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
    void mainResourceWritesIgnoreStatusAndStatusWritesChangeOnlyStatus() {
        GenericKubernetesResource created =
                sandbox.topics().resource(SandboxFixture.topic("st", 3)).create();
        assertThat(created.getAdditionalProperties()).doesNotContainKey("status");

        created.setAdditionalProperty("status", Map.of("partitions", 3));
        GenericKubernetesResource withStatus = sandbox.topics().resource(created).updateStatus();
        assertThat(withStatus.getAdditionalProperties().get("status"))
                .isEqualTo(Map.of("partitions", 3));
        assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(1L);

        withStatus.setAdditionalProperty("status", Map.of("partitions", 99));
        withStatus.setAdditionalProperty(
                "spec", Map.of("clusterRef", Map.of("name", "my-cluster"), "partitions", 4));
        GenericKubernetesResource updated = sandbox.topics().resource(withStatus).update();
        assertThat(updated.getAdditionalProperties().get("status"))
                .isEqualTo(Map.of("partitions", 3));
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);

        updated.setAdditionalProperty(
                "spec", Map.of("clusterRef", Map.of("name", "my-cluster"), "partitions", 8));
        updated.setAdditionalProperty("status", Map.of("partitions", 4));
        GenericKubernetesResource statusOnly = sandbox.topics().resource(updated).updateStatus();
        assertThat(((Map<?, ?>) statusOnly.getAdditionalProperties().get("spec")).get("partitions"))
                .isEqualTo(4);
        assertThat(statusOnly.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void podsStartPendingAndTheirStatusIsASubresource() {
        var pod =
                client.pods()
                        .resource(
                                new PodBuilder()
                                        .withNewMetadata()
                                        .withName("sp")
                                        .endMetadata()
                                        .withNewSpec()
                                        .addNewContainer()
                                        .withName("c")
                                        .withImage("i")
                                        .endContainer()
                                        .endSpec()
                                        .build())
                        .create();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");

        pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP("127.0.1.1").build());
        client.pods().resource(pod).updateStatus();
        var running = client.pods().withName("sp").get();
        assertThat(running.getStatus().getPhase()).isEqualTo("Running");
        assertThat(running.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void admissionRejectsWithItsStatusAndDefaultsWhatItStores() {
        assertThatThrownBy(() -> sandbox.topics().resource(SandboxFixture.topic("bad", 0)).create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(422);
                            assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                            assertThat(e.getStatus().getDetails().getCauses().get(0).getField())
                                    .isEqualTo("spec.partitions");
                        });
        assertThat(sandbox.topics().withName("bad").get()).isNull();

        GenericKubernetesResource created =
                sandbox.topics().resource(SandboxFixture.topic("defaulted", 1)).create();
        assertThat(
                        ((Map<?, ?>) created.getAdditionalProperties().get("spec"))
                                .get("deletionPolicy"))
                .isEqualTo("Delete");
        assertThat(sandbox.admission.lastOldObject).isNull();

        assertThatThrownBy(
                        () ->
                                sandbox.topics()
                                        .withName("defaulted")
                                        .edit(
                                                t -> {
                                                    t.setAdditionalProperty(
                                                            "spec",
                                                            Map.of(
                                                                    "clusterRef",
                                                                    Map.of("name", "my-cluster"),
                                                                    "partitions",
                                                                    -1));
                                                    return t;
                                                }))
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(422));
        assertThat(sandbox.admission.lastOldObject).isNotNull();
    }

    @Test
    void admissionSeesFieldValidationAndItsWarningsBecomeHeaders() throws Exception {
        String topic =
                "{\"apiVersion\":\"kafka.tributary.io/v1alpha1\",\"kind\":\"KafkaTopic\",\"metadata\":{\"name\":\"warned\"},"
                    + "\"spec\":{\"clusterRef\":{\"name\":\"c\"},\"bogus\":1}}";
        String path = "/apis/kafka.tributary.io/v1alpha1/namespaces/default/kafkatopics";

        HttpResponse<String> strict =
                sandbox.request(
                        "POST", path + "?fieldValidation=Strict", "application/json", topic, null);
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.body()).contains("unknown field \\\"spec.bogus\\\"");
        assertThat(sandbox.admission.lastFieldValidation).isEqualTo(FieldValidation.STRICT);

        HttpResponse<String> warned =
                sandbox.request("POST", path, "application/json", topic, null);
        assertThat(warned.statusCode()).isEqualTo(201);
        assertThat(warned.headers().allValues("Warning"))
                .containsExactly("299 - \"unknown field \\\"spec.bogus\\\"\"");
        assertThat(warned.body()).doesNotContain("bogus");
        assertThat(sandbox.admission.lastFieldValidation).isEqualTo(FieldValidation.WARN);

        HttpResponse<String> patched =
                sandbox.request(
                        "PATCH",
                        path + "/warned?fieldValidation=Ignore",
                        "application/merge-patch+json",
                        "{\"spec\":{\"bogus\":2}}",
                        null);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.headers().allValues("Warning")).isEmpty();
        assertThat(sandbox.admission.lastFieldValidation).isEqualTo(FieldValidation.IGNORE);
    }

    @Test
    void statusWritesSkipAdmission() {
        GenericKubernetesResource created =
                sandbox.topics().resource(SandboxFixture.topic("no-admission", 2)).create();
        int calls = sandbox.admission.calls;

        created.setAdditionalProperty("status", Map.of("partitions", 2));
        sandbox.topics().resource(created).updateStatus();

        assertThat(sandbox.admission.calls).isEqualTo(calls);
    }
}
