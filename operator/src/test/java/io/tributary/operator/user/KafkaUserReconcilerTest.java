package io.tributary.operator.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.ConditionStatus;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.user.KafkaUser;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KafkaUser reconciler against fabric8's CRUD mock API server, without Kafka: refusals change
 * nothing (no credentials, no Secret), a user waits for its cluster, and a user whose cluster is
 * gone is deleted without Kafka. SecureClusterIT covers the rest with real brokers.
 */
@EnableKubernetesMockClient(crud = true)
class KafkaUserReconcilerTest {
    KubernetesClient client;
    private TributaryOperator operator;

    @BeforeEach
    void startOperator() {
        operator = TributaryOperator.start(client, OperatorSettings.defaults());
    }

    @AfterEach
    void stopOperator() {
        operator.close();
    }

    @Test
    void aclsOnAClusterWithoutAuthorizationAreRefusedAndNothingIsWritten() throws Exception {
        client.resource(read("kafka-cluster.yaml", KafkaCluster.class)).create();
        KafkaUser user = read("kafka-user-scram.yaml", KafkaUser.class);
        user.getSpec().setClusterRef(new ClusterRef("my-cluster"));
        client.resource(user).create();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            Condition stalled = condition("orders-service", "Stalled");
                            assertThat(stalled.getStatus()).isEqualTo(ConditionStatus.TRUE);
                            assertThat(stalled.getReason()).isEqualTo("NoScramListener");
                            assertThat(stalled.getMessage()).startsWith("spec.authentication.type");
                        });
        Condition stalled = condition("orders-service", "Stalled");
        assertThat(stalled.getMessage())
                .contains("no listener with authentication scram-sha-512")
                .contains("spec.authorization.acls: KafkaCluster my-cluster has no authorization");
        assertThat(client.secrets().withName("orders-service").get()).isNull();
        assertThat(client.v1().events().list().getItems())
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("NoScramListener"));
    }

    @Test
    void aUserWaitsForItsClusterAndIsDeletedWithoutItWhenItIsGone() throws Exception {
        client.resource(read("kafka-user-scram.yaml", KafkaUser.class)).create();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            Condition reconciling = condition("orders-service", "Reconciling");
                            assertThat(reconciling.getStatus()).isEqualTo(ConditionStatus.TRUE);
                            assertThat(reconciling.getReason()).isEqualTo("ClusterNotFound");
                            assertThat(
                                            client.resources(KafkaUser.class)
                                                    .withName("orders-service")
                                                    .get()
                                                    .getMetadata()
                                                    .getFinalizers())
                                    .isNotEmpty();
                        });

        client.resources(KafkaUser.class).withName("orders-service").delete();

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                client.resources(KafkaUser.class).withName("orders-service").get()
                                        == null);
    }

    private Condition condition(String user, String type) {
        KafkaUser current = client.resources(KafkaUser.class).withName(user).get();
        assertThat(current.getStatus()).isNotNull();
        return current.getStatus().findCondition(type).orElseThrow();
    }

    private static <T> T read(String file, Class<T> type) throws Exception {
        Path path = Path.of(System.getProperty("tributary.root", ".."), "examples", file);
        return Serialization.unmarshal(Files.readString(path), type);
    }
}
