package io.tributary.sandbox.benchmark;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the roll and topic benchmarks start from: the sandbox, the operator in a JVM of its own, and
 * the small example cluster applied with {@code kubectl} into a namespace and Ready.
 */
final class BenchmarkCluster implements AutoCloseable {
    private final Sandbox sandbox;
    private OperatorProcess operator;
    private final String namespace;
    private final String name;

    private BenchmarkCluster(
            Sandbox sandbox, OperatorProcess operator, String namespace, String name) {
        this.sandbox = sandbox;
        this.operator = operator;
        this.namespace = namespace;
        this.name = name;
    }

    /** What a benchmark does on the bare sandbox, before the operator and the brokers start. */
    @FunctionalInterface
    interface BeforeOperator {
        void run(Sandbox sandbox) throws Exception;
    }

    static BenchmarkCluster start(
            Path root,
            Path work,
            Path example,
            String namespace,
            List<String> operatorJvm,
            Map<String, String> operatorEnvironment,
            BeforeOperator beforeOperator)
            throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxOptions.in(work, root));
        OperatorProcess operator = null;
        try {
            beforeOperator.run(sandbox);
            operator =
                    OperatorProcess.start(
                            sandbox.kubeconfig(),
                            sandbox.hostsFile(),
                            work.resolve("operator.log"),
                            operatorJvm,
                            operatorEnvironment);
            createNamespace(sandbox.client(), namespace);
            new KubectlApply(sandbox.kubeconfig()).apply(namespace, example);
            String name = KubectlApply.nameOf(example);
            ReadyTimeBenchmark.awaitReady(sandbox.client(), namespace, name, operator);
            return new BenchmarkCluster(sandbox, operator, namespace, name);
        } catch (Exception e) {
            if (operator != null) {
                operator.close();
            }
            sandbox.close();
            throw e;
        }
    }

    static void createNamespace(KubernetesClient client, String namespace) {
        client.namespaces()
                .resource(
                        new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(namespace)
                                .endMetadata()
                                .build())
                .create();
    }

    KubernetesClient client() {
        return sandbox.client();
    }

    Sandbox sandbox() {
        return sandbox;
    }

    OperatorProcess operator() {
        return operator;
    }

    /**
     * Stops the operator and starts a new one, logging to {@code log}, with other settings: what a
     * rolling update of the operator's Deployment does.
     */
    OperatorProcess restartOperator(
            Path log, List<String> operatorJvm, Map<String, String> operatorEnvironment)
            throws IOException, InterruptedException {
        operator.close();
        operator =
                OperatorProcess.start(
                        sandbox.kubeconfig(),
                        sandbox.hostsFile(),
                        log,
                        operatorJvm,
                        operatorEnvironment);
        return operator;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    /** The first listener's bootstrap address, as the cluster's status reports it. */
    String bootstrap() {
        return client().resources(KafkaCluster.class)
                .inNamespace(namespace)
                .withName(name)
                .get()
                .getStatus()
                .getListeners()
                .get(0)
                .getBootstrapServers();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            operator.close();
        } finally {
            sandbox.close();
        }
    }
}
