package io.tributary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.ClusterRef;
import io.tributary.api.v1alpha1.Condition;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicSpec;
import io.tributary.chart.HelmChart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the operator, as the chart runs them (its Deployment's environment, one pod name
 * each): both become ready, only the one holding the Lease reconciles, and when it stops the other
 * takes the Lease and reconciles. KafkaTopics of a cluster that does not exist are enough to see
 * who reconciles, without brokers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderElectionIT {
    static final String NAMESPACE = "leader-it";
    static final String FIRST = "tributary-operator-first";
    static final String SECOND = "tributary-operator-second";
    static final Pattern TOPIC_RECONCILES =
            Pattern.compile(
                    "operator_sdk_reconciliations_started_total\\{[^}]*kind=\"KafkaTopic\"[^}]*\\}"
                            + " ([0-9.]+)");

    SandboxEnvironment environment;
    KubernetesClient client;
    OperatorJvm first;
    OperatorJvm second;

    @BeforeAll
    void start() throws Exception {
        environment = new SandboxEnvironment(getClass().getSimpleName(), false);
        client = environment.client();
        for (String namespace : new String[] {HelmChart.NAMESPACE, NAMESPACE}) {
            client.namespaces()
                    .resource(
                            new NamespaceBuilder()
                                    .withNewMetadata()
                                    .withName(namespace)
                                    .endMetadata()
                                    .build())
                    .create();
        }
        first = start(FIRST);
        awaitReady(first);
        awaitHolder(FIRST);
        second = start(SECOND);
        awaitReady(second);
    }

    OperatorJvm start(String pod) throws Exception {
        ChartDeployment deployment = ChartDeployment.forPod(pod).onPort(OperatorJvm.freePort());
        Path work = Path.of("target", "sandbox-" + getClass().getSimpleName());
        return OperatorJvm.start(
                deployment.environment(),
                deployment.args(),
                environment.sandbox().kubeconfig(),
                environment.sandbox().hostsFile(),
                work.resolve(pod + ".log"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            for (OperatorJvm operator : new OperatorJvm[] {first, second}) {
                if (operator != null) {
                    operator.close();
                }
            }
        } finally {
            if (environment != null) {
                environment.close();
            }
        }
    }

    void awaitReady(OperatorJvm operator) {
        Eventually.until(
                client,
                HelmChart.NAMESPACE,
                "the operator to be ready\n" + operator.logTail(),
                Duration.ofMinutes(2),
                operator::ready);
    }

    void awaitHolder(String pod) {
        Eventually.until(
                client,
                HelmChart.NAMESPACE,
                pod + " to hold the Lease",
                Duration.ofSeconds(90),
                () -> pod.equals(holder()));
    }

    String holder() {
        Lease lease =
                client.leases()
                        .inNamespace(HelmChart.NAMESPACE)
                        .withName("tributary-operator")
                        .get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    KafkaTopic topicOfAMissingCluster(String name) {
        KafkaTopic topic = new KafkaTopic();
        topic.getMetadata().setName(name);
        topic.getMetadata().setNamespace(NAMESPACE);
        KafkaTopicSpec spec = new KafkaTopicSpec();
        spec.setClusterRef(new ClusterRef("no-such-cluster"));
        spec.setPartitions(1);
        topic.setSpec(spec);
        return client.resource(topic).create();
    }

    void awaitWaitingForItsCluster(KafkaTopic topic) {
        Eventually.until(
                client,
                NAMESPACE,
                topic.getMetadata().getName() + " to be reconciled",
                Duration.ofSeconds(60),
                () -> {
                    KafkaTopic current = client.resource(topic).get();
                    return current.getStatus() != null
                            && current.getStatus()
                                    .findCondition(Condition.RECONCILING)
                                    .map(c -> "ClusterNotFound".equals(c.getReason()))
                                    .orElse(false);
                });
    }

    static double topicReconciles(OperatorJvm operator) {
        Matcher matcher = TOPIC_RECONCILES.matcher(operator.metrics());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    @Test
    @Order(1)
    void bothAreReadyButOnlyTheLeaderReconciles() {
        awaitWaitingForItsCluster(topicOfAMissingCluster("while-first-leads"));

        assertThat(holder()).isEqualTo(FIRST);
        assertThat(first.metrics()).contains("tributary_leader 1.0");
        assertThat(topicReconciles(first)).isPositive();
        assertThat(second.ready()).isTrue();
        assertThat(second.metrics()).contains("tributary_leader 0.0");
        assertThat(topicReconciles(second)).isZero();
    }

    @Test
    @Order(2)
    void whenTheLeaderStopsTheOtherTakesOverAndReconciles() throws Exception {
        int exit = first.stop();

        assertThat(exit).as("SIGTERM ends the leader").isIn(0, 143);
        awaitHolder(SECOND);
        Eventually.until(
                client,
                NAMESPACE,
                "the second replica to lead",
                Duration.ofSeconds(30),
                () -> second.metrics().contains("tributary_leader 1.0"));
        awaitWaitingForItsCluster(topicOfAMissingCluster("after-the-first-stopped"));
        assertThat(topicReconciles(second)).isPositive();
        assertThat(second.isAlive()).isTrue();
    }
}
