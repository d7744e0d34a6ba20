package io.tributary.sandbox.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finalizers, graceful pod deletion, garbage collection and namespace termination. */
class DeletionTest {
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
    void finalizersHoldAnObjectUntilTheyAreRemoved() {
        client.configMaps()
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("held")
                                .addToFinalizers("example.com/cleanup")
                                .endMetadata()
                                .build())
                .create();

        client.configMaps().withName("held").delete();
        ConfigMap marked = client.configMaps().withName("held").get();
        assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();

        client.configMaps()
                .withName("held")
                .edit(
                        c -> {
                            c.getMetadata().setFinalizers(List.of());
                            return c;
                        });
        assertThat(client.configMaps().withName("held").get()).isNull();
    }

    @Test
    void aDeleteWithAStaleResourceVersionIsAConflictAndDeletesNothing() {
        ConfigMap created =
                client.configMaps()
                        .resource(
                                new ConfigMapBuilder()
                                        .withNewMetadata()
                                        .withName("versioned")
                                        .endMetadata()
                                        .build())
                        .create();
        client.configMaps()
                .withName("versioned")
                .edit(
                        c -> {
                            c.setData(java.util.Map.of("k", "v"));
                            return c;
                        });

        assertThatThrownBy(
                        () ->
                                client.configMaps()
                                        .withName("versioned")
                                        .lockResourceVersion(
                                                created.getMetadata().getResourceVersion())
                                        .delete())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(409);
                            assertThat(e.getMessage()).contains("Precondition failed");
                        });
        String current =
                client.configMaps().withName("versioned").get().getMetadata().getResourceVersion();
        client.configMaps().withName("versioned").lockResourceVersion(current).delete();
        assertThat(client.configMaps().withName("versioned").get()).isNull();
    }

    @Test
    void boundPodsWaitForTheKubeletAndUnboundPodsGoAtOnce() {
        client.pods().resource(pod("unbound", null)).create();
        client.pods().withName("unbound").delete();
        assertThat(client.pods().withName("unbound").get()).isNull();

        client.pods().resource(pod("bound", "sandbox-node")).create();
        client.pods().withName("bound").delete();
        Pod terminating = client.pods().withName("bound").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(terminating.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(7L);

        client.pods().withName("bound").withGracePeriod(0).delete();
        assertThat(client.pods().withName("bound").get()).isNull();
    }

    @Test
    void backgroundDeletionCollectsDependents() {
        ConfigMap owner =
                client.configMaps().resource(ObjectSemanticsTest.configMap("owner-bg")).create();
        client.configMaps().resource(dependent("dep-bg", owner)).create();
        client.pods().resource(ownedPod("dep-bg-pod", owner)).create();

        client.configMaps()
                .withName("owner-bg")
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete();

        assertThat(client.configMaps().withName("dep-bg").get()).isNull();
        assertThat(client.pods().withName("dep-bg-pod").get()).isNull();
    }

    @Test
    void orphanDeletionKeepsDependentsWithoutTheReference() {
        ConfigMap owner =
                client.configMaps().resource(ObjectSemanticsTest.configMap("owner-or")).create();
        client.configMaps().resource(dependent("dep-or", owner)).create();

        client.configMaps()
                .withName("owner-or")
                .withPropagationPolicy(DeletionPropagation.ORPHAN)
                .delete();

        ConfigMap orphan = client.configMaps().withName("dep-or").get();
        assertThat(orphan).isNotNull();
        assertThat(orphan.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void foregroundDeletionWaitsForDependents() {
        var sts =
                client.apps()
                        .statefulSets()
                        .resource(
                                new StatefulSetBuilder()
                                        .withNewMetadata()
                                        .withName("fg")
                                        .endMetadata()
                                        .withNewSpec()
                                        .withReplicas(1)
                                        .endSpec()
                                        .build())
                        .create();
        client.pods()
                .resource(
                        new PodBuilder(pod("fg-0", "sandbox-node"))
                                .editMetadata()
                                .withOwnerReferences(reference(sts))
                                .endMetadata()
                                .build())
                .create();

        client.apps()
                .statefulSets()
                .withName("fg")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                .delete();

        var waiting = client.apps().statefulSets().withName("fg").get();
        assertThat(waiting.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
        assertThat(waiting.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(client.pods().withName("fg-0").get().getMetadata().getDeletionTimestamp())
                .isNotNull();

        client.pods().withName("fg-0").withGracePeriod(0).delete();
        assertThat(client.apps().statefulSets().withName("fg").get()).isNull();
    }

    @Test
    void deletingANamespaceDeletesItsContentThenItself() {
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("doomed")
                                .endMetadata()
                                .build())
                .create();
        client.configMaps()
                .inNamespace("doomed")
                .resource(ObjectSemanticsTest.configMap("plain"))
                .create();
        client.configMaps()
                .inNamespace("doomed")
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("sticky")
                                .addToFinalizers("example.com/x")
                                .endMetadata()
                                .build())
                .create();

        client.namespaces().withName("doomed").delete();

        assertThat(client.namespaces().withName("doomed").get().getStatus().getPhase())
                .isEqualTo("Terminating");
        assertThat(client.configMaps().inNamespace("doomed").withName("plain").get()).isNull();
        assertThat(
                        client.configMaps()
                                .inNamespace("doomed")
                                .withName("sticky")
                                .get()
                                .getMetadata()
                                .getDeletionTimestamp())
                .isNotNull();

        client.configMaps()
                .inNamespace("doomed")
                .withName("sticky")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"finalizers\":null}}");
        assertThat(client.namespaces().withName("doomed").get()).isNull();
    }

    @Test
    void aTerminatingNamespaceRefusesNewContent() {
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName("closing")
                                .endMetadata()
                                .build())
                .create();
        client.configMaps()
                .inNamespace("closing")
                .resource(
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("sticky")
                                .addToFinalizers("example.com/x")
                                .endMetadata()
                                .build())
                .create();
        client.namespaces().withName("closing").delete();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                client.configMaps()
                                        .inNamespace("closing")
                                        .resource(ObjectSemanticsTest.configMap("late"))
                                        .create())
                .hasMessageContaining("being terminated");
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .withTerminationGracePeriodSeconds(7L)
                .addNewContainer()
                .withName("c")
                .withImage("i")
                .endContainer()
                .endSpec()
                .build();
    }

    private static Pod ownedPod(String name, HasMetadata owner) {
        return new PodBuilder(pod(name, null))
                .editMetadata()
                .withOwnerReferences(reference(owner))
                .endMetadata()
                .build();
    }

    private static ConfigMap dependent(String name, HasMetadata owner) {
        return new ConfigMapBuilder(ObjectSemanticsTest.configMap(name))
                .editMetadata()
                .withOwnerReferences(reference(owner))
                .endMetadata()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.OwnerReference reference(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .build();
    }
}
