package io.tributary.broker.config;

import io.tributary.broker.LauncherException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The few settings of a rendered server.properties that the launcher itself acts on.
 *
 * @param roles {@code process.roles}
 * @param logDirs {@code log.dirs}, else {@code log.dir}, else Kafka's default
 * @param metadataLogDir {@code metadata.log.dir}, if set (Kafka then uses the first log dir)
 * @param staticVoters whether {@code controller.quorum.voters} is set (a static quorum)
 * @param cleanerThreads {@code log.cleaner.threads}
 * @param dedupeBufferSize {@code log.cleaner.dedupe.buffer.size}, if set
 */
public record ServerConfig(
        Set<NodeRole> roles,
        List<String> logDirs,
        Optional<String> metadataLogDir,
        boolean staticVoters,
        int cleanerThreads,
        Optional<Long> dedupeBufferSize) {

    public static final String PROCESS_ROLES = "process.roles";
    public static final String LOG_DIRS = "log.dirs";
    public static final String LOG_DIR = "log.dir";
    public static final String METADATA_LOG_DIR = "metadata.log.dir";
    public static final String QUORUM_VOTERS = "controller.quorum.voters";
    public static final String CLEANER_THREADS = "log.cleaner.threads";
    public static final String DEDUPE_BUFFER_SIZE = "log.cleaner.dedupe.buffer.size";

    /** Kafka's default for {@code log.dir}. */
    static final String KAFKA_DEFAULT_LOG_DIR = "/tmp/kafka-logs";

    public ServerConfig {
        roles = Set.copyOf(roles);
        logDirs = List.copyOf(logDirs);
    }

    public static ServerConfig parse(String serverProperties) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(serverProperties));
        } catch (IOException | IllegalArgumentException e) {
            throw new LauncherException("The rendered server.properties cannot be parsed: " + e, e);
        }
        return new ServerConfig(
                roles(props),
                logDirs(props),
                value(props, METADATA_LOG_DIR),
                value(props, QUORUM_VOTERS).isPresent(),
                value(props, CLEANER_THREADS).map(v -> parseInt(CLEANER_THREADS, v)).orElse(1),
                value(props, DEDUPE_BUFFER_SIZE).map(v -> parseLong(DEDUPE_BUFFER_SIZE, v)));
    }

    public boolean hasRole(NodeRole role) {
        return roles.contains(role);
    }

    /** Every directory the storage tool formats: the log dirs and the metadata log dir. */
    public List<String> allLogDirs() {
        List<String> dirs = new ArrayList<>(logDirs);
        metadataLogDir.filter(d -> !dirs.contains(d)).ifPresent(dirs::add);
        return dirs;
    }

    private static Set<NodeRole> roles(Properties props) {
        List<String> listed = csv(props, PROCESS_ROLES);
        if (listed.isEmpty()) {
            throw new LauncherException(
                    "server.properties must set process.roles (broker, controller or both):"
                            + " Tributary runs Kafka in KRaft mode only");
        }
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        listed.forEach(r -> roles.add(NodeRole.parse(r)));
        return roles;
    }

    private static List<String> logDirs(Properties props) {
        List<String> dirs = csv(props, LOG_DIRS);
        if (dirs.isEmpty()) {
            dirs = csv(props, LOG_DIR);
        }
        return dirs.isEmpty() ? List.of(KAFKA_DEFAULT_LOG_DIR) : dirs;
    }

    private static List<String> csv(Properties props, String key) {
        return value(props, key)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip))
                .map(s -> s.filter(e -> !e.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Optional<String> value(Properties props, String key) {
        return Optional.ofNullable(props.getProperty(key))
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    private static int parseInt(String key, String value) {
        return (int) parseLong(key, value);
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new LauncherException(key + " must be a number, got '" + value + "'");
        }
    }
}
