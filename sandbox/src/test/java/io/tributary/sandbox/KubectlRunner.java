package io.tributary.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl on the PATH against a sandbox; tests skip their kubectl parts without it.
 */
final class KubectlRunner {
    private final Path kubeconfig;
    private final Path kubectl;

    private KubectlRunner(Path kubeconfig, Path kubectl) {
        this.kubeconfig = kubeconfig;
        this.kubectl = kubectl;
    }

    static KubectlRunner forSandbox(Sandbox sandbox) {
        return new KubectlRunner(sandbox.kubeconfig(), find());
    }

    boolean available() {
        return kubectl != null;
    }

    /** Runs kubectl with the arguments; returns standard output, fails with standard error. */
    String run(String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "kubectl " + String.join(" ", arguments) + " did not finish in 60s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "kubectl " + String.join(" ", arguments) + " failed: " + err + out);
        }
        return out;
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
