package io.tributary.operator.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.RackSpec;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServerPropertiesTemplateTest {
    private static final String QUORUM =
            "my-cluster-brokers-0.my-cluster-brokers.kafka.svc.cluster.local:9090,"
                    + "my-cluster-brokers-1.my-cluster-brokers.kafka.svc.cluster.local:9090,"
                    + "my-cluster-brokers-2.my-cluster-brokers.kafka.svc.cluster.local:9090";

    @Test
    void combinedNodesRunBothListenersAndTheReplicationDefaults() {
        ClusterModel model = TestClusters.model(TestClusters.combined());
        Map<String, String> p = properties(model, model.brokerPool());
        assertThat(p)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "${TRIBUTARY_NODE_ID}")
                .containsEntry("controller.quorum.bootstrap.servers", QUORUM)
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry(
                        "listeners",
                        "CONTROLLER://${POD_IP}:9090,REPLICATION://${POD_IP}:9091,PLAIN://${POD_IP}:9092")
                .containsEntry(
                        "advertised.listeners",
                        "CONTROLLER://${TRIBUTARY_POD_FQDN}:9090,REPLICATION://${TRIBUTARY_POD_FQDN}:9091,"
                            + "PLAIN://${TRIBUTARY_POD_FQDN}:9092")
                .containsEntry(
                        "listener.security.protocol.map",
                        "CONTROLLER:PLAINTEXT,REPLICATION:PLAINTEXT,PLAIN:PLAINTEXT")
                .containsEntry("inter.broker.listener.name", "REPLICATION")
                .containsEntry("log.dirs", "${TRIBUTARY_DATA_DIR}/kafka-log")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .doesNotContainKey("broker.rack");
    }

    @Test
    void dedicatedControllersRunOnlyTheControllerListener() {
        ClusterModel model = TestClusters.model(TestClusters.dedicated());
        Map<String, String> p = properties(model, model.controllerPool());
        assertThat(p)
                .containsEntry("process.roles", "controller")
                .containsEntry("listeners", "CONTROLLER://${POD_IP}:9090")
                .containsEntry("advertised.listeners", "CONTROLLER://${TRIBUTARY_POD_FQDN}:9090")
                .doesNotContainKeys(
                        "inter.broker.listener.name", "default.replication.factor", "broker.rack");
        assertThat(p.get("controller.quorum.bootstrap.servers"))
                .isEqualTo(
                        "production-controllers-0.production-controllers.kafka.svc.cluster.local:9090,"
                            + "production-controllers-1.production-controllers.kafka.svc.cluster.local:9090,"
                            + "production-controllers-2.production-controllers.kafka.svc.cluster.local:9090");
    }

    @Test
    void dedicatedBrokersReachTheControllersButDoNotListenAsOne() {
        ClusterModel model = TestClusters.model(TestClusters.dedicated());
        Map<String, String> p = properties(model, model.brokerPool());
        assertThat(p.get("process.roles")).isEqualTo("broker");
        assertThat(p.get("listeners"))
                .doesNotContain("CONTROLLER")
                .contains("INTERNAL://${POD_IP}:9093", "MTLS://${POD_IP}:9094");
        assertThat(p.get("controller.quorum.bootstrap.servers"))
                .contains("production-controllers-0");
        assertThat(p).containsEntry("broker.rack", "${TRIBUTARY_RACK}");
        assertThat(p.get("listener.security.protocol.map"))
                .as("brokers reach the controllers through the CONTROLLER listener name, over TLS")
                .startsWith("CONTROLLER:SSL,REPLICATION:SSL");
    }

    @Test
    void userConfigComesLastSortedAndReadsBackAsWritten() throws Exception {
        KafkaCluster cluster = TestClusters.combined();
        cluster.getSpec().getConfig().put("zzz.custom", "a b\\c");
        cluster.getSpec().getConfig().put("aaa.custom", "x=y:z");
        ClusterModel model = TestClusters.model(cluster);
        Properties read = new Properties();
        read.load(
                new StringReader(
                        ServerPropertiesTemplate.render(
                                model.spec(),
                                model.brokerPool(),
                                model.controllerQuorumAddresses())));
        assertThat(read.getProperty("zzz.custom")).isEqualTo("a b\\c");
        assertThat(read.getProperty("aaa.custom")).isEqualTo("x=y:z");
        assertThat(read.getProperty("log.retention.hours")).isEqualTo("24");
        Map<String, String> p = properties(model, model.brokerPool());
        assertThat(p.keySet())
                .endsWith(
                        "aaa.custom",
                        "log.retention.hours",
                        "log.segment.bytes",
                        "offsets.topic.num.partitions",
                        "zzz.custom");
    }

    @Test
    void rackAwarenessGivesBrokersTheirRack() {
        KafkaCluster cluster = TestClusters.combined();
        cluster.getSpec().setRack(new RackSpec());
        ClusterModel model = TestClusters.model(cluster);
        assertThat(properties(model, model.brokerPool()))
                .containsEntry("broker.rack", "${TRIBUTARY_RACK}");
    }

    private static Map<String, String> properties(ClusterModel model, NodePool pool) {
        return ServerPropertiesTemplate.properties(
                model.spec(), pool, model.controllerQuorumAddresses());
    }
}
