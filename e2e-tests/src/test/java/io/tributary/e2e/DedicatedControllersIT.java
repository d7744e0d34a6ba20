package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.JvmOptions;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.api.v1alpha1.cluster.NodePoolSpec;
import io.tributary.api.v1alpha1.cluster.NodeRole;
import io.tributary.api.v1alpha1.cluster.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production-shaped example — three dedicated controllers, three brokers on persistent storage,
 * spread over zones, TLS listeners, so mutual TLS between brokers and controllers — comes up and
 * serves clients. A plain listener is added for the test's clients and the ACLs are left out (the
 * secure listeners and users have their own ITs), and its heaps are made to fit a small machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedicatedControllersIT {
    private TributaryEnvironment environment;
    private KubernetesClient client;
    private Clusters clusters;

    @BeforeAll
    void start() {
        environment = Environments.start(getClass().getSimpleName());
        client = environment.client();
        clusters = new Clusters(client, "production-it");
    }

    @AfterAll
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void threeControllersAndThreeBrokersComeUpInTheirZonesAndServeClients() throws Exception {
        KafkaCluster cluster = Clusters.example("kafka-cluster-production.yaml");
        cluster.getSpec().getListeners().add(0, new ListenerSpec("plain", 9092));
        cluster.getSpec().setAuthorization(null);
        fitSmallMachine(cluster.getSpec().getControllers());
        fitSmallMachine(cluster.getSpec().getBrokers());
        clusters.create(cluster);

        KafkaCluster ready = clusters.awaitReady("production");

        List<NodeStatus> nodes = ready.getStatus().getNodes();
        assertThat(nodes)
                .filteredOn(n -> n.getRoles().equals(List.of(NodeRole.CONTROLLER)))
                .extracting(NodeStatus::getId)
                .containsExactly(1000, 1001, 1002);
        assertThat(nodes)
                .filteredOn(n -> n.getRoles().equals(List.of(NodeRole.BROKER)))
                .extracting(NodeStatus::getId)
                .containsExactly(0, 1, 2);
        assertThat(nodes)
                .filteredOn(n -> n.getRoles().contains(NodeRole.BROKER))
                .extracting(NodeStatus::getRack)
                .containsExactlyInAnyOrder("zone-a", "zone-b", "zone-c");
        assertThat(ready.getStatus().getHealth().getActiveController()).isIn(1000, 1001, 1002);
        assertThat(
                        client.persistentVolumeClaims()
                                .inNamespace(clusters.namespace())
                                .list()
                                .getItems())
                .hasSize(6);

        Assumptions.assumeTrue(
                environment.kafkaReachable(),
                "Kafka clients cannot reach brokers in " + environment.name());
        try (KafkaClients kafka = new KafkaClients(clusters.bootstrap("production"))) {
            kafka.createTopic("events", 6, 3, 2);
            kafka.produce("events", "event-", 300);
            assertThat(kafka.consumeAll("events", "read_committed", 300))
                    .hasSize(300)
                    .doesNotHaveDuplicates();
        }
    }

    private static void fitSmallMachine(NodePoolSpec pool) {
        JvmOptions jvm = new JvmOptions();
        jvm.setHeap("256m");
        pool.setJvmOptions(jvm);
        pool.setResources(null);
    }
}
