package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.tributary.api.v1alpha1.cluster.ComputeResources;
import io.tributary.api.v1alpha1.cluster.JvmOptions;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterResourcesTest {
    private final ClusterModel combined = TestClusters.model(TestClusters.combined());
    private final ClusterModel dedicated = TestClusters.model(TestClusters.dedicated());

    @Test
    void everythingIsOwnedByTheClusterSoDeletingItDeletesThem() {
        List<HasMetadata> resources = DesiredClusterResources.build(combined, Set.of());
        assertThat(resources)
                .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .containsExactly(
                        "ServiceAccount/my-cluster-kafka",
                        "ConfigMap/my-cluster-brokers-config",
                        "Service/my-cluster-brokers",
                        "Service/my-cluster-plain-bootstrap",
                        "PodDisruptionBudget/my-cluster-brokers",
                        "StatefulSet/my-cluster-brokers");
        assertThat(resources)
                .allSatisfy(
                        r -> {
                            assertThat(r.getMetadata().getOwnerReferences())
                                    .singleElement()
                                    .satisfies(
                                            owner -> {
                                                assertThat(owner.getKind())
                                                        .isEqualTo("KafkaCluster");
                                                assertThat(owner.getUid())
                                                        .isEqualTo(
                                                                "5b1c0c4e-0000-4000-8000-000000000001");
                                                assertThat(owner.getController()).isTrue();
                                            });
                            assertThat(r.getMetadata().getLabels())
                                    .containsEntry("app.kubernetes.io/managed-by", "tributary");
                        });
    }

    @Test
    void dedicatedModeHasResourcesPerPoolAndListener() {
        List<HasMetadata> resources = DesiredClusterResources.build(dedicated, Set.of());
        assertThat(resources)
                .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .contains(
                        "StatefulSet/production-controllers",
                        "StatefulSet/production-brokers",
                        "Service/production-internal-bootstrap",
                        "Service/production-mtls-bootstrap",
                        "PodDisruptionBudget/production-controllers");
    }

    @Test
    void headlessServicesPublishPodsBeforeTheyAreReady() {
        Service headless = PoolServiceBuilder.headless(combined, combined.brokerPool());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector())
                .containsEntry("kafka.tributary.io/pool", "brokers");
    }

    @Test
    void bootstrapServicesReachOnlyBrokers() {
        Service bootstrap =
                PoolServiceBuilder.bootstrap(dedicated, dedicated.spec().getListeners().get(0));
        assertThat(bootstrap.getSpec().getSelector())
                .containsEntry("kafka.tributary.io/broker", "true");
        assertThat(bootstrap.getSpec().getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(9093));
    }

    @Test
    void disruptionBudgetAllowsOnePodOfEachPoolDown() {
        PodDisruptionBudget pdb =
                PoolDisruptionBudgetBuilder.build(dedicated, dedicated.controllerPool());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .containsEntry("kafka.tributary.io/pool", "controllers");
    }

    @Test
    void configMapHoldsTheTemplate() {
        ConfigMap config = PoolConfigMapBuilder.build(combined, combined.brokerPool());
        assertThat(config.getData().get("server.properties"))
                .contains("process.roles=broker,controller");
    }

    @Test
    void restartHashIgnoresDynamicKeysOnly() {
        KafkaCluster changedDynamic = TestClusters.combined();
        changedDynamic.getSpec().getConfig().put("log.retention.hours", "48");
        KafkaCluster changedStatic = TestClusters.combined();
        changedStatic.getSpec().getConfig().put("num.io.threads", "16");
        Set<String> dynamic = Set.of("log.retention.hours");
        String before =
                PoolConfigMapBuilder.restartConfigHash(combined, combined.brokerPool(), dynamic);
        ClusterModel dynamicModel = TestClusters.model(changedDynamic);
        ClusterModel staticModel = TestClusters.model(changedStatic);
        assertThat(
                        PoolConfigMapBuilder.restartConfigHash(
                                dynamicModel, dynamicModel.brokerPool(), dynamic))
                .isEqualTo(before);
        assertThat(
                        PoolConfigMapBuilder.restartConfigHash(
                                staticModel, staticModel.brokerPool(), dynamic))
                .isNotEqualTo(before);
    }

    @Test
    void heapIsHalfTheMemoryLimitUnlessSet() {
        KafkaCluster cluster = TestClusters.combined();
        cluster.getSpec().getBrokers().setJvmOptions(null);
        assertThat(JvmSettings.heap(cluster.getSpec().getBrokers())).isEqualTo("256m");
        cluster.getSpec().getBrokers().setResources(new ComputeResources());
        assertThat(JvmSettings.heap(cluster.getSpec().getBrokers())).isEqualTo("512m");
        cluster.getSpec()
                .getBrokers()
                .getResources()
                .getLimits()
                .put("memory", new Quantity("4Gi"));
        assertThat(JvmSettings.heap(cluster.getSpec().getBrokers())).isEqualTo("2048m");
        JvmOptions jvm = new JvmOptions();
        jvm.setHeap("3g");
        cluster.getSpec().getBrokers().setJvmOptions(jvm);
        assertThat(JvmSettings.options(cluster.getSpec().getBrokers())).isEqualTo("-Xms3g -Xmx3g");
    }
}
