package io.tributary.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A Kubernetes cluster with Tributary running in it, as the end-to-end tests see it: the sandbox by
 * default, or a real cluster. Tests are written against this and run unchanged on both.
 */
public interface TributaryEnvironment extends AutoCloseable {
    /**
     * Which environment {@code -Dtributary.e2e.target} asks for: {@code sandbox} or {@code
     * kubeconfig}.
     */
    String TARGET_PROPERTY = "tributary.e2e.target";

    KubernetesClient client();

    /** Whether Kafka clients in this JVM can reach the brokers by their advertised names. */
    boolean kafkaReachable();

    /** Stops the operator, as a crash or an upgrade of the operator would. */
    void stopOperator();

    /** Starts the operator again after {@link #stopOperator()}. */
    void startOperator();

    /** Kills the pod's Kafka container with SIGKILL, as the OOM killer or a node fault would. */
    void killKafka(String namespace, String pod);

    /** A short name for reports, for example {@code sandbox}. */
    String name();

    @Override
    void close();
}
