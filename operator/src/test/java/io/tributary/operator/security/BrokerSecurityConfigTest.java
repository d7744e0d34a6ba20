package io.tributary.operator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.AuthorizationSpec;
import io.tributary.api.v1alpha1.cluster.AuthorizationType;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.ServerPropertiesTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The security part of the nodes' server.properties, for every listener kind and role. */
class BrokerSecurityConfigTest {

    @Test
    void eachListenerKindGetsItsProtocol() {
        assertThat(BrokerSecurityConfig.protocol(listener(false, ListenerAuthentication.NONE)))
                .isEqualTo("PLAINTEXT");
        assertThat(
                        BrokerSecurityConfig.protocol(
                                listener(false, ListenerAuthentication.SCRAM_SHA_512)))
                .isEqualTo("SASL_PLAINTEXT");
        assertThat(BrokerSecurityConfig.protocol(listener(true, ListenerAuthentication.NONE)))
                .isEqualTo("SSL");
        assertThat(
                        BrokerSecurityConfig.protocol(
                                listener(true, ListenerAuthentication.SCRAM_SHA_512)))
                .isEqualTo("SASL_SSL");
        assertThat(BrokerSecurityConfig.protocol(listener(true, ListenerAuthentication.TLS)))
                .isEqualTo("SSL");
    }

    @Test
    void aClusterWithoutSecurityKeepsPlaintextAndNoSecurityKeys() {
        KafkaClusterSpec spec = example("kafka-cluster.yaml").getSpec();
        assertThat(ClusterTls.isSecured(spec)).isFalse();
        assertThat(BrokerSecurityConfig.internalProtocol(spec)).isEqualTo("PLAINTEXT");
        assertThat(
                        BrokerSecurityConfig.listeners(
                                spec, List.of("CONTROLLER", "REPLICATION"), spec.getListeners()))
                .isEmpty();
        assertThat(BrokerSecurityConfig.authorizer(spec)).isEmpty();
    }

    @Test
    void anyTlsAuthenticationOrAuthorizationSecuresTheCluster() {
        KafkaClusterSpec tls = example("kafka-cluster.yaml").getSpec();
        tls.getListeners().get(0).setTls(true);
        KafkaClusterSpec scram = example("kafka-cluster.yaml").getSpec();
        scram.getListeners().get(0).setAuthentication(ListenerAuthentication.SCRAM_SHA_512);
        KafkaClusterSpec authorized = example("kafka-cluster.yaml").getSpec();
        AuthorizationSpec simple = new AuthorizationSpec();
        simple.setType(AuthorizationType.SIMPLE);
        authorized.setAuthorization(simple);
        KafkaClusterSpec none = example("kafka-cluster.yaml").getSpec();
        none.setAuthorization(new AuthorizationSpec());
        assertThat(List.of(tls, scram, authorized))
                .allSatisfy(s -> assertThat(ClusterTls.isSecured(s)).isTrue());
        assertThat(ClusterTls.isSecured(none)).isFalse();
    }

    @Test
    void secureDedicatedBrokersUseMutualTlsInsideAndTheirListenersSecurity() {
        ClusterModel model = model(example("kafka-cluster-production.yaml"));
        Map<String, String> p = properties(model, true);
        assertThat(p.get("listener.security.protocol.map"))
                .isEqualTo("CONTROLLER:SSL,REPLICATION:SSL,INTERNAL:SASL_SSL,MTLS:SSL");
        for (String internal : List.of("controller", "replication")) {
            String prefix = "listener.name." + internal + ".";
            assertThat(p)
                    .containsEntry(prefix + "ssl.keystore.type", "PEM")
                    .containsEntry(
                            prefix + "ssl.keystore.location",
                            "${TRIBUTARY_NODE_CERTS_DIR}/${POD_NAME}.pem")
                    .containsEntry(prefix + "ssl.truststore.type", "PEM")
                    .containsEntry(
                            prefix + "ssl.truststore.location",
                            "${TRIBUTARY_CLUSTER_CA_DIR}/ca.crt")
                    .containsEntry(prefix + "ssl.client.auth", "required");
        }
        assertThat(p)
                .containsEntry("listener.name.internal.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry(
                        "listener.name.internal.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .containsEntry("listener.name.internal.ssl.keystore.type", "PEM")
                .doesNotContainKey("listener.name.internal.ssl.client.auth")
                .doesNotContainKey("listener.name.internal.ssl.truststore.location")
                .containsEntry(
                        "listener.name.mtls.ssl.truststore.location",
                        "${TRIBUTARY_CLIENTS_CA_DIR}/ca.crt")
                .containsEntry("listener.name.mtls.ssl.client.auth", "required")
                .containsEntry(
                        "listener.name.mtls.ssl.principal.mapping.rules",
                        "RULE:^CN=([^,]+)$/$1/,DEFAULT")
                .containsEntry(
                        "authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry(
                        "super.users",
                        "User:CN=tributary-node,O=io.tributary;User:CN=tributary-operator,O=io.tributary;User:platform-admin");
    }

    @Test
    void dedicatedControllersSecureOnlyTheirListenerAndAuthorizeToo() {
        ClusterModel model = model(example("kafka-cluster-production.yaml"));
        Map<String, String> p = properties(model, false);
        assertThat(p.get("listener.security.protocol.map")).isEqualTo("CONTROLLER:SSL");
        assertThat(p)
                .containsEntry("listener.name.controller.ssl.client.auth", "required")
                .containsKey("super.users")
                .doesNotContainKey("listener.name.replication.ssl.keystore.location")
                .doesNotContainKey("listener.name.mtls.ssl.keystore.location");
    }

    @Test
    void theOperatorsOwnIdentityIsASuperUserOnlyOnce() {
        KafkaClusterSpec spec = example("kafka-cluster-production.yaml").getSpec();
        spec.getAuthorization().getSuperUsers().add(ClusterTls.OPERATOR_PRINCIPAL);
        assertThat(BrokerSecurityConfig.authorizer(spec).get("super.users").split(";"))
                .containsExactly(
                        ClusterTls.NODE_PRINCIPAL,
                        ClusterTls.OPERATOR_PRINCIPAL,
                        "User:platform-admin");
    }

    private static Map<String, String> properties(ClusterModel model, boolean brokers) {
        return ServerPropertiesTemplate.properties(
                model.spec(),
                brokers ? model.brokerPool() : model.controllerPool(),
                model.controllerQuorumAddresses());
    }

    private static ListenerSpec listener(boolean tls, ListenerAuthentication authentication) {
        ListenerSpec listener = new ListenerSpec("l", 9093);
        listener.setTls(tls);
        listener.setAuthentication(authentication);
        return listener;
    }

    static KafkaCluster example(String file) {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        try {
            KafkaCluster cluster =
                    Serialization.unmarshal(Files.readString(path), KafkaCluster.class);
            cluster.getMetadata().setNamespace("kafka");
            cluster.getMetadata().setUid("5b1c0c4e-0000-4000-8000-000000000001");
            return cluster;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ClusterModel model(KafkaCluster cluster) {
        return ClusterModel.of(cluster, "cluster-id", "cluster.local", "image");
    }
}
