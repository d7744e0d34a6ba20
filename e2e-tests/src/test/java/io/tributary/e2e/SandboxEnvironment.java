package io.tributary.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.kube.OperatorClients;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sandbox with the operator running in this JVM, as the README's first command runs it. The
 * operator has a client of its own, with its User-Agent; the sandbox records its calls, and closing
 * the environment fails if the Helm chart's RBAC would not have allowed one of them.
 */
final class SandboxEnvironment implements TributaryEnvironment {
    private final String testName;
    private final Sandbox sandbox;
    private TributaryOperator operator;
    private KubernetesClient operatorClient;

    SandboxEnvironment(String testName) {
        this(testName, true);
    }

    /**
     * @param inProcessOperator false for tests that run the operator themselves (as a program)
     */
    SandboxEnvironment(String testName, boolean inProcessOperator) {
        this.testName = testName;
        Path root = Path.of(System.getProperty("tributary.root", ".."));
        this.sandbox =
                Sandbox.start(SandboxOptions.in(Path.of("target", "sandbox-" + testName), root));
        sandbox.apiServer().recordCallsBy(OperatorClients.USER_AGENT_PREFIX);
        if (inProcessOperator) {
            startOperator();
        }
    }

    @Override
    public void killKafka(String namespace, String pod) {
        long pid =
                sandbox.kubelet()
                        .pid(namespace, pod, "kafka")
                        .orElseThrow(() -> new IllegalStateException(pod + " runs no Kafka"));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public KubernetesClient client() {
        return sandbox.client();
    }

    @Override
    public boolean kafkaReachable() {
        return true;
    }

    @Override
    public synchronized void stopOperator() {
        if (operator != null) {
            operator.close();
            operator = null;
            operatorClient.close();
            operatorClient = null;
        }
    }

    @Override
    public synchronized void startOperator() {
        if (operator == null) {
            operatorClient = operatorClient();
            operator =
                    TributaryOperator.start(
                            operatorClient,
                            OperatorSettings.fromEnvironment(
                                    Map.of("TRIBUTARY_PROGRESS_INTERVAL_SECONDS", "2")));
        }
    }

    @Override
    public String name() {
        return "sandbox";
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** A client as the operator's own: the sandbox's kubeconfig, the operator's User-Agent. */
    KubernetesClient operatorClient() {
        try {
            return OperatorClients.create(
                    Config.fromKubeconfig(Files.readString(sandbox.kubeconfig())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops everything, then fails if the chart's RBAC would have refused an operator's call. */
    @Override
    public void close() {
        stopOperator();
        var calls = sandbox.apiServer().recordedCalls();
        sandbox.close();
        ChartRbac.write(calls, Path.of("target", "sandbox-" + testName, "operator-api-calls.txt"));
        ChartRbac.requireAllowed(testName, calls);
    }
}
