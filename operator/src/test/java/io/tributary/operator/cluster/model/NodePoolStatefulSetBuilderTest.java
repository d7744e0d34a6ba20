package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodePoolStatefulSetBuilderTest {
    private final ClusterModel combined = TestClusters.model(TestClusters.combined());
    private final ClusterModel dedicated = TestClusters.model(TestClusters.dedicated());

    @Test
    void operatorDecidesRestartsAndNodesStartTogether() {
        StatefulSet sts = build(combined, combined.brokerPool());
        assertThat(sts.getMetadata().getName()).isEqualTo("my-cluster-brokers");
        assertThat(sts.getMetadata().getNamespace()).isEqualTo("kafka");
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getServiceName()).isEqualTo("my-cluster-brokers");
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    }

    @Test
    void securedPodsMountTheirCertificatesAndCarryTheirHash() {
        ClusterModel secured = dedicated.withCertificatesHash("0123456789abcdef");
        for (NodePool pool : secured.pools()) {
            StatefulSet sts = build(secured, pool);
            PodSpec pod = sts.getSpec().getTemplate().getSpec();
            Map<String, String> secrets =
                    pod.getVolumes().stream()
                            .filter(v -> v.getSecret() != null)
                            .collect(
                                    Collectors.toMap(
                                            Volume::getName, v -> v.getSecret().getSecretName()));
            assertThat(secrets)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of(
                                    "node-certs", "production-node-certs",
                                    "cluster-ca", "production-cluster-ca-cert",
                                    "clients-ca", "production-clients-ca-cert"));
            Container kafka = pod.getContainers().get(0);
            assertThat(kafka.getVolumeMounts())
                    .filteredOn(m -> secrets.containsKey(m.getName()))
                    .allSatisfy(m -> assertThat(m.getReadOnly()).isTrue())
                    .hasSize(3);
            Map<String, EnvVar> env = env(sts);
            assertThat(env.get("TRIBUTARY_NODE_CERTS_DIR").getValue())
                    .isEqualTo("/opt/tributary/certs/node");
            assertThat(env.get("TRIBUTARY_CLUSTER_CA_DIR").getValue())
                    .isEqualTo("/opt/tributary/certs/cluster-ca");
            assertThat(env.get("TRIBUTARY_CLIENTS_CA_DIR").getValue())
                    .isEqualTo("/opt/tributary/certs/clients-ca");
            assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("kafka.tributary.io/certificates", "0123456789abcdef");
        }
        StatefulSet plain = build(combined, combined.brokerPool());
        assertThat(plain.getSpec().getTemplate().getSpec().getVolumes())
                .noneMatch(v -> v.getSecret() != null);
        assertThat(env(plain)).doesNotContainKey("TRIBUTARY_NODE_CERTS_DIR");
        assertThat(plain.getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("kafka.tributary.io/certificates");
    }

    @Test
    void selectorMatchesThePodLabels() {
        StatefulSet sts = build(dedicated, dedicated.brokerPool());
        Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
        assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(selector);
        assertThat(selector).containsEntry("kafka.tributary.io/pool", "brokers");
    }

    @Test
    void podsGetTheLauncherEnvironment() {
        Map<String, EnvVar> env = env(build(dedicated, dedicated.controllerPool()));
        assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(env.get("POD_IP").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("status.podIP");
        assertThat(env.get("TRIBUTARY_NODE_ID_BASE").getValue()).isEqualTo("1000");
        assertThat(env.get("TRIBUTARY_HEADLESS_SERVICE").getValue())
                .isEqualTo("production-controllers");
        assertThat(env.get("TRIBUTARY_CLUSTER_DOMAIN").getValue()).isEqualTo("cluster.local");
        assertThat(env.get("TRIBUTARY_CLUSTER_ID").getValue()).isEqualTo(TestClusters.CLUSTER_ID);
        assertThat(env.get("TRIBUTARY_INITIAL_CONTROLLERS").getValue())
                .isEqualTo(dedicated.initialControllers());
        assertThat(env.get("TRIBUTARY_CONFIG_DIR").getValue()).isEqualTo("/opt/tributary/config");
        assertThat(env.get("TRIBUTARY_DATA_DIR").getValue()).isEqualTo("/var/lib/kafka/data");
        assertThat(env.get("TRIBUTARY_KAFKA_VERSION").getValue()).isEqualTo("4.4.0");
        assertThat(env.get("TRIBUTARY_JVM_OPTS").getValue()).isEqualTo("-Xms1g -Xmx1g");
    }

    @Test
    void brokerOnlyPoolsAreNotInitialControllers() {
        assertThat(env(build(dedicated, dedicated.brokerPool())))
                .doesNotContainKey("TRIBUTARY_INITIAL_CONTROLLERS");
        assertThat(
                        env(build(dedicated, dedicated.brokerPool()))
                                .get("TRIBUTARY_JVM_OPTS")
                                .getValue())
                .isEqualTo("-Xms4g -Xmx4g -XX:+UseG1GC -XX:MaxGCPauseMillis=20");
    }

    @Test
    void probesAskTheLauncherAndPortsFollowTheRoles() {
        Container kafka = container(build(combined, combined.brokerPool()));
        assertThat(kafka.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(kafka.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(kafka.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("health");
        assertThat(kafka.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly(
                        "health:8080",
                        "metrics:9404",
                        "controller:9090",
                        "replication:9091",
                        "plain:9092");
        assertThat(container(build(dedicated, dedicated.controllerPool())).getPorts())
                .extracting(p -> p.getName())
                .containsExactly("health", "metrics", "controller");
    }

    @Test
    void everyPoolServesMetricsWherePrometheusLooksForThem() {
        for (StatefulSet sts :
                List.of(
                        build(combined, combined.brokerPool()),
                        build(dedicated, dedicated.controllerPool()),
                        build(dedicated, dedicated.brokerPool()))) {
            Container kafka = container(sts);
            assertThat(kafka.getPorts())
                    .filteredOn(p -> p.getName().equals("metrics"))
                    .singleElement()
                    .satisfies(
                            p -> {
                                assertThat(p.getContainerPort()).isEqualTo(9404);
                                assertThat(p.getProtocol()).isEqualTo("TCP");
                            });
            assertThat(env(sts).get("TRIBUTARY_METRICS_PORT").getValue()).isEqualTo("9404");
            assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", "9404")
                    .containsEntry("prometheus.io/path", "/metrics");
        }
        assertThat(ListenerSpec.RESERVED_PORTS)
                .as("the ports the CRD keeps listeners off")
                .contains(NodePorts.METRICS);
    }

    @Test
    void thePodTemplateCanTurnScrapingOffButNotTheConfigHash() {
        KafkaCluster cluster = TestClusters.dedicated();
        cluster.getSpec().getPodTemplate().getAnnotations().put("prometheus.io/scrape", "false");
        cluster.getSpec()
                .getPodTemplate()
                .getAnnotations()
                .put(NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION, "forged");
        ClusterModel model = TestClusters.model(cluster);

        Map<String, String> annotations =
                build(model, model.brokerPool())
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations();

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "false")
                .containsEntry("prometheus.io/port", "9404")
                .containsEntry(NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION, "hash");
    }

    @Test
    void runsAsNonRootWithAReadOnlyRootFilesystem() {
        StatefulSet sts = build(combined, combined.brokerPool());
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1001L);
        Container kafka = container(sts);
        assertThat(kafka.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(kafka.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(kafka.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(60L);
        assertThat(pod.getServiceAccountName()).isEqualTo("my-cluster-kafka");
    }

    @Test
    void ephemeralStorageIsASizedEmptyDir() {
        StatefulSet sts = build(combined, combined.brokerPool());
        Volume data = volume(sts, "data");
        assertThat(data.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("1Gi"));
        assertThat(sts.getSpec().getVolumeClaimTemplates()).isEmpty();
        assertThat(volume(sts, "config").getConfigMap().getName())
                .isEqualTo("my-cluster-brokers-config");
        assertThat(container(sts).getVolumeMounts())
                .extracting(m -> m.getName() + "@" + m.getMountPath())
                .containsExactly(
                        "data@/var/lib/kafka/data", "config@/opt/tributary/config", "tmp@/tmp");
    }

    @Test
    void persistentStorageIsAClaimPerNodeKeptUnlessDeleteClaim() {
        StatefulSet sts = build(dedicated, dedicated.brokerPool());
        assertThat(sts.getSpec().getVolumeClaimTemplates())
                .singleElement()
                .satisfies(
                        claim -> {
                            assertThat(claim.getMetadata().getName()).isEqualTo("data");
                            assertThat(claim.getSpec().getResources().getRequests().get("storage"))
                                    .isEqualTo(new Quantity("500Gi"));
                            assertThat(claim.getSpec().getStorageClassName()).isEqualTo("standard");
                        });
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .extracting(Volume::getName)
                .doesNotContain("data");

        KafkaCluster cluster = TestClusters.dedicated();
        cluster.getSpec().getBrokers().getStorage().setDeleteClaim(true);
        ClusterModel model = TestClusters.model(cluster);
        assertThat(
                        build(model, model.brokerPool())
                                .getSpec()
                                .getPersistentVolumeClaimRetentionPolicy()
                                .getWhenScaled())
                .isEqualTo("Delete");
    }

    @Test
    void podTemplateFieldsReachThePodsButCannotOverrideOperatorLabels() {
        KafkaCluster cluster = TestClusters.dedicated();
        cluster.getSpec().getPodTemplate().getLabels().put("kafka.tributary.io/pool", "hijacked");
        cluster.getSpec().getPodTemplate().getAnnotations().put("team/owner", "platform");
        ClusterModel model = TestClusters.model(cluster);
        StatefulSet sts = build(model, model.brokerPool());
        var template = sts.getSpec().getTemplate();
        assertThat(template.getMetadata().getLabels())
                .containsEntry("team", "platform")
                .containsEntry("kafka.tributary.io/pool", "brokers");
        assertThat(template.getMetadata().getAnnotations()).containsEntry("team/owner", "platform");
        assertThat(template.getSpec().getPriorityClassName()).isEqualTo("kafka-critical");
        assertThat(template.getSpec().getTopologySpreadConstraints())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
                            assertThat(c.getLabelSelector().getMatchLabels())
                                    .containsEntry("kafka.tributary.io/pool", "brokers");
                        });
    }

    @Test
    void configHashAnnotationCarriesTheGivenHash() {
        StatefulSet sts =
                NodePoolStatefulSetBuilder.build(combined, combined.brokerPool(), "abc123");
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(NodePoolStatefulSetBuilder.CONFIG_HASH_ANNOTATION, "abc123");
    }

    private static StatefulSet build(ClusterModel model, NodePool pool) {
        return NodePoolStatefulSetBuilder.build(model, pool, "hash");
    }

    private static Container container(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(StatefulSet sts) {
        return container(sts).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    private static Volume volume(StatefulSet sts, String name) {
        return sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
