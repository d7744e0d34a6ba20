package io.tributary.operator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.cluster.AuthorizationSpec;
import io.tributary.api.v1alpha1.cluster.AuthorizationType;
import io.tributary.api.v1alpha1.cluster.ControllerPoolSpec;
import io.tributary.api.v1alpha1.cluster.KafkaClusterSpec;
import io.tributary.api.v1alpha1.cluster.ListenerAuthentication;
import io.tributary.api.v1alpha1.cluster.RackSpec;
import io.tributary.operator.status.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spec the operator refuses, with its reason, and the warnings it gives. */
class ClusterSpecValidatorTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "replication factor above the brokers",
                        "NotEnoughBrokersForReplicationFactor",
                        (Consumer<KafkaClusterSpec>)
                                s -> s.getReplication().setDefaultReplicationFactor(4)),
                Arguments.of(
                        "min ISR above the replication factor",
                        "MinInSyncReplicasAboveReplicationFactor",
                        (Consumer<KafkaClusterSpec>)
                                s -> s.getReplication().setMinInSyncReplicas(4)),
                Arguments.of(
                        "an even quorum in combined mode",
                        "EvenQuorumSize",
                        (Consumer<KafkaClusterSpec>)
                                s -> {
                                    s.getBrokers().setReplicas(4);
                                }),
                Arguments.of(
                        "mutual TLS on a listener without TLS",
                        "MutualTlsWithoutTls",
                        (Consumer<KafkaClusterSpec>)
                                s ->
                                        s.getListeners()
                                                .get(0)
                                                .setAuthentication(ListenerAuthentication.TLS)),
                Arguments.of(
                        "a rack label Kubernetes does not copy to pods",
                        "RackTopologyKeyNotSupported",
                        (Consumer<KafkaClusterSpec>)
                                s -> {
                                    RackSpec rack = new RackSpec();
                                    rack.setTopologyKey("example.com/rack");
                                    s.setRack(rack);
                                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesNamingTheProblem(
            String description, String reason, Consumer<KafkaClusterSpec> change) throws Exception {
        KafkaClusterSpec spec = example();
        change.accept(spec);
        assertThat(ClusterSpecValidator.refusals(spec))
                .extracting(Problem::reason)
                .contains(reason);
        assertThat(ClusterSpecValidator.refusals(spec))
                .allSatisfy(p -> assertThat(p.message()).contains("spec."));
    }

    @Test
    void theExamplesAreAccepted() throws Exception {
        assertThat(ClusterSpecValidator.refusals(example())).isEmpty();
        KafkaClusterSpec dedicated = example();
        ControllerPoolSpec controllers = new ControllerPoolSpec();
        controllers.setReplicas(3);
        controllers.setStorage(dedicated.getBrokers().getStorage());
        dedicated.setControllers(controllers);
        dedicated.getBrokers().setReplicas(4);
        assertThat(ClusterSpecValidator.refusals(dedicated)).isEmpty();
    }

    @Test
    void tlsScramMutualTlsAndSimpleAuthorizationAreAccepted() throws Exception {
        KafkaClusterSpec spec = example();
        spec.getListeners().get(0).setTls(true);
        spec.getListeners().get(0).setAuthentication(ListenerAuthentication.SCRAM_SHA_512);
        io.tributary.api.v1alpha1.cluster.ListenerSpec mtls =
                new io.tributary.api.v1alpha1.cluster.ListenerSpec("mtls", 9094);
        mtls.setTls(true);
        mtls.setAuthentication(ListenerAuthentication.TLS);
        spec.getListeners().add(mtls);
        AuthorizationSpec authorization = new AuthorizationSpec();
        authorization.setType(AuthorizationType.SIMPLE);
        authorization.getSuperUsers().add("User:admin");
        spec.setAuthorization(authorization);
        assertThat(ClusterSpecValidator.refusals(spec)).isEmpty();
        assertThat(ClusterSpecValidator.warnings(spec)).isEmpty();
    }

    @Test
    void warnsAboutScramWithoutTls() throws Exception {
        KafkaClusterSpec spec = example();
        spec.getListeners().get(0).setAuthentication(ListenerAuthentication.SCRAM_SHA_512);
        assertThat(ClusterSpecValidator.warnings(spec))
                .extracting(Problem::reason)
                .containsExactly("ScramWithoutTls");
        assertThat(ClusterSpecValidator.warnings(spec).get(0).message())
                .contains("spec.listeners[plain]");
    }

    @Test
    void warnsAboutSettingsThatRiskDataOrAvailability() throws Exception {
        KafkaClusterSpec spec = example();
        assertThat(ClusterSpecValidator.warnings(spec)).isEmpty();
        spec.getReplication().setMinInSyncReplicas(3);
        assertThat(ClusterSpecValidator.warnings(spec))
                .extracting(Problem::reason)
                .containsExactly("MinInSyncReplicasEqualsReplicationFactor");
        spec.getReplication().setMinInSyncReplicas(1);
        spec.getReplication().setDefaultReplicationFactor(1);
        spec.getReplication().setUncleanLeaderElection(true);
        assertThat(ClusterSpecValidator.warnings(spec))
                .extracting(Problem::reason)
                .containsExactly("NoReplication", "UncleanLeaderElectionEnabled");
    }

    private static KafkaClusterSpec example() throws Exception {
        Path file =
                Path.of(
                        System.getProperty("tributary.root", ".."),
                        "examples",
                        "kafka-cluster.yaml");
        return Serialization.unmarshal(
                        Files.readString(file),
                        io.tributary.api.v1alpha1.cluster.KafkaCluster.class)
                .getSpec();
    }
}
