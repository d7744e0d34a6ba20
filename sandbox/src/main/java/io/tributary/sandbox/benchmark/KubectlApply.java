package io.tributary.sandbox.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code kubectl apply} against the sandbox, as a user would. */
final class KubectlApply {
    private static final Pattern NAME = Pattern.compile("(?m)^  name:\\s*\"?([^\"\\s]+)");

    private final Path kubeconfig;

    KubectlApply(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    void apply(String namespace, Path file) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("kubectl", "apply", "-n", namespace, "-f", file.toString())
                        .redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("kubectl apply failed: " + output);
        }
    }

    /** The metadata.name of the (single-document) manifest. */
    static String nameOf(Path file) throws IOException {
        Matcher matcher = NAME.matcher(Files.readString(file));
        if (!matcher.find()) {
            throw new IllegalArgumentException(file + " has no metadata.name");
        }
        return matcher.group(1);
    }
}
