package io.tributary.broker.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hosts file that this JVM and every broker JVM read ({@code -Djdk.net.hosts.file}), as the
 * sandbox's kubelet keeps one: it maps each pod's DNS name to the pod's loopback address.
 */
final class HostsFile {
    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();

    private HostsFile() {}

    static Path path() {
        return Path.of(System.getProperty("tributary.it.hosts.file")).toAbsolutePath();
    }

    /** Adds a name; the JDK reads the file on every lookup, so it resolves at once. */
    static synchronized void add(String name, String ip) {
        ENTRIES.put(name, ip);
        StringBuilder text = new StringBuilder("127.0.0.1 localhost\n");
        ENTRIES.forEach((n, i) -> text.append(i).append(' ').append(n).append('\n'));
        try {
            Path file = path();
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "hosts", ".tmp");
            Files.writeString(temp, text);
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
