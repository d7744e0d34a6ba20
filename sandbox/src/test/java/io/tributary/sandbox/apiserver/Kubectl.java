package io.tributary.sandbox.apiserver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code kubectl} from the PATH against a kubeconfig, for tests. */
final class Kubectl {
    private final Path binary;
    private final Path kubeconfig;
    private final Path cacheDir;

    /** The result of one run. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Kubectl(Path binary, Path kubeconfig, Path cacheDir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /** The {@code kubectl} on the PATH, if any. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    /** {@code kubectl apply -f -} of the given manifests. */
    Result apply(String manifests) throws IOException, InterruptedException {
        return run(manifests, new String[] {"apply", "-f", "-"});
    }

    /** Runs kubectl with {@code stdin} (or nothing) as its input; fails after 60 seconds. */
    private Result run(String stdin, String[] args) throws IOException, InterruptedException {
        Process process = start(args);
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl did not finish: " + List.of(args));
        }
        return new Result(
                process.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** Starts kubectl as a child process, for commands that do not end ({@code get -w}). */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--kubeconfig");
        command.add(kubeconfig.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECACHEDIR", cacheDir.toString());
        builder.environment().remove("KUBECONFIG");
        return builder.start();
    }
}
