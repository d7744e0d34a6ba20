package io.tributary.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The StatefulSet controller against fabric8's CRUD mock API server. */
@EnableKubernetesMockClient(crud = true)
class StatefulSetControllerTest {
    KubernetesClient client;
    private StatefulSetController controller;

    @BeforeEach
    void start() {
        controller = new StatefulSetController(client);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void createsPodsAndClaimsAtTheCurrentRevision() {
        StatefulSet sts = client.resource(statefulSet("OnDelete", 3, "Retain")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 3);
        assertThat(pods())
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("web-0", "web-1", "web-2");
        Pod pod = client.pods().withName("web-1").get();
        assertThat(pod.getSpec().getHostname()).isEqualTo("web-1");
        assertThat(pod.getSpec().getSubdomain()).isEqualTo("web");
        assertThat(pod.getMetadata().getLabels())
                .containsEntry("app", "web")
                .containsKey("controller-revision-hash");
        assertThat(pod.getMetadata().getOwnerReferences().get(0).getUid())
                .isEqualTo(sts.getMetadata().getUid());
        assertThat(pod.getSpec().getVolumes())
                .anySatisfy(
                        v ->
                                assertThat(v.getPersistentVolumeClaim().getClaimName())
                                        .isEqualTo("data-web-1"));
        assertThat(client.persistentVolumeClaims().list().getItems()).hasSize(3);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            var status =
                                    client.apps().statefulSets().withName("web").get().getStatus();
                            assertThat(status.getReplicas()).isEqualTo(3);
                            assertThat(status.getUpdateRevision())
                                    .isEqualTo(
                                            pod.getMetadata()
                                                    .getLabels()
                                                    .get("controller-revision-hash"));
                        });
    }

    @Test
    void onDeleteKeepsOldPodsUntilDeletedThenRecreatesThemWithTheNewTemplate() {
        client.resource(statefulSet("OnDelete", 2, "Retain")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 2);
        String oldRevision =
                client.pods()
                        .withName("web-0")
                        .get()
                        .getMetadata()
                        .getLabels()
                        .get("controller-revision-hash");

        changeTemplate();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                !oldRevision.equals(
                                        client.apps()
                                                .statefulSets()
                                                .withName("web")
                                                .get()
                                                .getStatus()
                                                .getUpdateRevision()));
        assertThat(
                        client.pods()
                                .withName("web-0")
                                .get()
                                .getMetadata()
                                .getLabels()
                                .get("controller-revision-hash"))
                .isEqualTo(oldRevision);

        client.pods().withName("web-0").delete();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            Pod pod = client.pods().withName("web-0").get();
                            return pod != null
                                    && !oldRevision.equals(
                                            pod.getMetadata()
                                                    .getLabels()
                                                    .get("controller-revision-hash"));
                        });
        assertThat(
                        client.pods()
                                .withName("web-1")
                                .get()
                                .getMetadata()
                                .getLabels()
                                .get("controller-revision-hash"))
                .isEqualTo(oldRevision);
    }

    @Test
    void scalesDownFromTheHighestOrdinalAndKeepsClaimsUnlessTold() {
        client.resource(statefulSet("OnDelete", 3, "Retain")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 3);
        client.apps().statefulSets().withName("web").scale(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 1);
        assertThat(pods()).extracting(p -> p.getMetadata().getName()).containsExactly("web-0");
        assertThat(client.persistentVolumeClaims().list().getItems()).hasSize(3);
    }

    @Test
    void deletesClaimsOfRemovedPodsWhenTheRetentionPolicySaysSo() {
        client.resource(statefulSet("OnDelete", 2, "Delete")).create();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.persistentVolumeClaims().list().getItems().size() == 2);
        client.apps().statefulSets().withName("web").scale(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.persistentVolumeClaims().list().getItems().size() == 1);
        assertThat(client.persistentVolumeClaims().list().getItems().get(0).getMetadata().getName())
                .isEqualTo("data-web-0");
    }

    @Test
    void rollingUpdateReplacesReadyPodsHighestFirst() {
        client.resource(statefulSet("RollingUpdate", 2, "Retain")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> pods().size() == 2);
        markAllReady();
        changeTemplate();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            Pod pod = client.pods().withName("web-1").get();
                            return pod != null
                                    && "1".equals(pod.getMetadata().getAnnotations().get("change"));
                        });
        Pod first = client.pods().withName("web-0").get();
        assertThat(first.getMetadata().getAnnotations()).doesNotContainKey("change");
    }

    /** Changes the pod template, retrying on conflicts with the controller's status writes. */
    private void changeTemplate() {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(
                        () ->
                                client.apps()
                                                .statefulSets()
                                                .withName("web")
                                                .edit(
                                                        s ->
                                                                new StatefulSetBuilder(s)
                                                                        .editSpec()
                                                                        .editTemplate()
                                                                        .editMetadata()
                                                                        .addToAnnotations(
                                                                                "change", "1")
                                                                        .endMetadata()
                                                                        .endTemplate()
                                                                        .endSpec()
                                                                        .build())
                                        != null);
    }

    private void markAllReady() {
        for (String name : List.of("web-0", "web-1")) {
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                Pod pod = client.pods().withName(name).get();
                                pod.setStatus(
                                        new PodStatusBuilder()
                                                .withConditions(
                                                        new PodConditionBuilder()
                                                                .withType("Ready")
                                                                .withStatus("True")
                                                                .build())
                                                .build());
                                return client.pods().resource(pod).updateStatus() != null;
                            });
        }
    }

    private List<Pod> pods() {
        return client.pods().list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList();
    }

    private static StatefulSet statefulSet(String strategy, int replicas, String claimPolicy) {
        return new StatefulSetBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("test")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName("web")
                .withPodManagementPolicy("Parallel")
                .withNewUpdateStrategy()
                .withType(strategy)
                .endUpdateStrategy()
                .withNewSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("example")
                .endContainer()
                .endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenScaled(claimPolicy)
                .withWhenDeleted(claimPolicy)
                .endPersistentVolumeClaimRetentionPolicy()
                .endSpec()
                .build();
    }
}
