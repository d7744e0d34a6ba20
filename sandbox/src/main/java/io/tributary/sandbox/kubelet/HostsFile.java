package io.tributary.sandbox.kubelet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sandbox's DNS: a hosts file that every JVM of the sandbox reads instead of DNS ({@code
 * -Djdk.net.hosts.file}). Pods' and Services' names are added and removed by owner, and the file is
 * rewritten atomically, so a reader never sees half of it. {@code localhost} and this machine's
 * name are always there, since a JVM reading a hosts file resolves nothing else.
 */
public final class HostsFile {
    private final Path file;
    private final Map<String, Map<String, List<String>>> byOwner = new TreeMap<>();

    public HostsFile(Path file) {
        this.file = file;
        write();
    }

    public Path path() {
        return file;
    }

    /** Sets the names an owner (a pod, a Service) contributes: name to addresses. */
    public synchronized void put(String owner, Map<String, List<String>> names) {
        Map<String, List<String>> previous = byOwner.put(owner, new LinkedHashMap<>(names));
        if (!names.equals(previous)) {
            write();
        }
    }

    public synchronized void remove(String owner) {
        if (byOwner.remove(owner) != null) {
            write();
        }
    }

    /** The addresses a name resolves to, for tests. */
    public synchronized List<String> resolve(String name) {
        List<String> addresses = new ArrayList<>();
        for (Map<String, List<String>> names : byOwner.values()) {
            addresses.addAll(names.getOrDefault(name, List.of()));
        }
        return addresses;
    }

    private void write() {
        StringBuilder out =
                new StringBuilder(
                        "# Written by the Tributary sandbox; rewritten on every change.\n");
        out.append("127.0.0.1 localhost ").append(localHostName()).append('\n');
        out.append("::1 localhost\n");
        for (Map<String, List<String>> names : byOwner.values()) {
            names.forEach(
                    (name, addresses) ->
                            addresses.forEach(
                                    a -> out.append(a).append(' ').append(name).append('\n')));
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "hosts", ".tmp");
            Files.writeString(temporary, out.toString());
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This machine's name, read without a name lookup: the JVM itself may resolve names from this
     * very file.
     */
    private static String localHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux; fall back to the environment
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? "localhost"
                : fromEnvironment.trim();
    }

    /** Names of the DNS records of a pod with a hostname and subdomain. */
    public static Set<String> podNames(
            String hostname, String subdomain, String namespace, String clusterDomain) {
        String base = hostname + "." + subdomain + "." + namespace + ".svc";
        return Set.of(base, base + "." + clusterDomain);
    }

    /** Names of the DNS records of a Service. */
    public static Set<String> serviceNames(String service, String namespace, String clusterDomain) {
        String base = service + "." + namespace + ".svc";
        return Set.of(service + "." + namespace, base, base + "." + clusterDomain);
    }
}
