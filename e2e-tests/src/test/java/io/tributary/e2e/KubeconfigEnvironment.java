package io.tributary.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real cluster from {@code KUBECONFIG}, with the operator running in this JVM against it. The
 * cluster must have the CRDs installed and be able to pull the broker images; Kafka clients in this
 * JVM cannot reach brokers inside it, so tests that produce and consume are skipped here.
 */
final class KubeconfigEnvironment implements TributaryEnvironment {
    private final KubernetesClient client;
    private TributaryOperator operator;

    private KubeconfigEnvironment(KubernetesClient client) {
        this.client = client;
        startOperator();
    }

    /** The environment, or why there is none. */
    static Optional<KubeconfigEnvironment> fromKubeconfig(StringBuilder whyNot) {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null
                || kubeconfig.isBlank()
                || !Files.isRegularFile(Path.of(kubeconfig))) {
            whyNot.append("no real cluster: KUBECONFIG is not set to a kubeconfig file");
            return Optional.empty();
        }
        KubernetesClient client = new KubernetesClientBuilder().build();
        try {
            client.getKubernetesVersion();
        } catch (RuntimeException e) {
            client.close();
            whyNot.append("no real cluster: the cluster in KUBECONFIG did not answer: ")
                    .append(e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new KubeconfigEnvironment(client));
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public boolean kafkaReachable() {
        return false;
    }

    @Override
    public synchronized void stopOperator() {
        if (operator != null) {
            operator.close();
            operator = null;
        }
    }

    @Override
    public synchronized void startOperator() {
        if (operator == null) {
            operator =
                    TributaryOperator.start(
                            client, OperatorSettings.fromEnvironment(System.getenv()));
        }
    }

    @Override
    public void killKafka(String namespace, String pod) {
        // The broker image execs the JVM as process 1 of the container.
        try (var exec =
                client.pods()
                        .inNamespace(namespace)
                        .withName(pod)
                        .inContainer("kafka")
                        .exec("kill", "-9", "1")) {
            exec.exitCode().join();
        }
    }

    @Override
    public String name() {
        return "kubeconfig";
    }

    @Override
    public void close() {
        stopOperator();
        client.close();
    }
}
