package io.tributary.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.Map;

/** The sandbox with the operator running in this JVM, as the README's first command runs it. */
final class SandboxEnvironment implements TributaryEnvironment {
    private final Sandbox sandbox;
    private TributaryOperator operator;

    SandboxEnvironment(String testName) {
        Path root = Path.of(System.getProperty("tributary.root", ".."));
        this.sandbox =
                Sandbox.start(SandboxOptions.in(Path.of("target", "sandbox-" + testName), root));
        startOperator();
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
        }
    }

    @Override
    public synchronized void startOperator() {
        if (operator == null) {
            operator =
                    TributaryOperator.start(
                            sandbox.client(),
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

    @Override
    public void close() {
        stopOperator();
        sandbox.close();
    }
}
