package io.tributary.sandbox.apiserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kubeconfig of the sandbox: one cluster, one user, one context. The user's token is a
 * placeholder the API server ignores; without any token, fabric8's client re-reads and parses the
 * kubeconfig before every request once its first minute has passed.
 */
final class Kubeconfig {
    static final String NAME = "tributary-sandbox";
    static final String FILE_NAME = "kubeconfig";

    private Kubeconfig() {}

    static String render(String server) {
        return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        users:
        - name: %1$s
          user:
            token: sandbox
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        preferences: {}
        """
                .formatted(NAME, server);
    }

    /** Writes {@code kubeconfig} into the directory (created if needed); returns its path. */
    static Path write(Path directory, String server) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, render(server));
        return file;
    }
}
