package io.tributary.sandbox.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.tributary.operator.TributaryOperator;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.sandbox.Sandbox;
import io.tributary.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox on the command line: starts it, runs the operator in it, applies the files given (the
 * small example cluster by default), reports progress until the clusters are ready, then says how
 * to reach them, and runs until Ctrl-C stops everything.
 */
public final class SandboxCommand {
    private static final String NAMESPACE = "default";

    private SandboxCommand() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("tributary.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("sandbox").resolve("target").resolve("sandbox-cli");
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        if (files.isEmpty()) {
            files.add(root.resolve("examples").resolve("kafka-cluster.yaml"));
        }
        if (System.getProperty("jdk.net.hosts.file") == null) {
            out.println(
                    "warning: this JVM was started without -Djdk.net.hosts.file; it cannot reach"
                            + " the brokers by name");
        }

        out.println("Starting the sandbox in " + work + " ...");
        Sandbox sandbox = Sandbox.start(SandboxOptions.in(work, root));
        TributaryOperator operator =
                TributaryOperator.start(
                        sandbox.client(), OperatorSettings.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    out.println("\nStopping the operator and the sandbox ...");
                                    operator.close();
                                    sandbox.close();
                                    stopped.countDown();
                                },
                                "sandbox-cli-stop"));

        KubernetesClient client = sandbox.client();
        List<HasMetadata> applied = new ArrayList<>();
        for (Path file : files) {
            applied.addAll(apply(client, file));
        }
        for (HasMetadata resource : applied) {
            out.println("applied " + resource.getKind() + "/" + resource.getMetadata().getName());
        }
        new ProgressReport(client, sandbox, NAMESPACE, out).followUntilReady(applied);
        stopped.await();
    }

    private static List<HasMetadata> apply(KubernetesClient client, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<HasMetadata> resources = client.load(in).items();
            List<HasMetadata> applied = new ArrayList<>();
            for (HasMetadata resource : resources) {
                if (resource.getMetadata().getNamespace() == null) {
                    resource.getMetadata().setNamespace(NAMESPACE);
                }
                applied.add(client.resource(resource).createOr(NonDeletingOperation::update));
            }
            return applied;
        }
    }
}
