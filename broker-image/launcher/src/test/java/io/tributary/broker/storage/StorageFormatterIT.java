package io.tributary.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import io.tributary.broker.config.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Kafka's real storage tool in this JVM, as the launcher does. */
class StorageFormatterIT {
    private static final String CLUSTER_ID = "MkU3OEVBNTcwNTJENDM2Qk";

    @TempDir Path dir;

    private Path serverProperties(String roles) throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(
                file,
                "process.roles="
                        + roles
                        + "\nnode.id=1\n"
                        + "controller.listener.names=CONTROLLER\n"
                        + "listeners=PLAIN://127.0.0.1:9092"
                        + (roles.contains("controller") ? ",CONTROLLER://127.0.0.1:9090" : "")
                        + "\nlistener.security.protocol.map=PLAIN:PLAINTEXT,CONTROLLER:PLAINTEXT\n"
                        + "inter.broker.listener.name=PLAIN\n"
                        + "controller.quorum.bootstrap.servers=c-0:9090\n"
                        + "log.dirs="
                        + dir.resolve("data")
                        + "\n");
        return file;
    }

    private static Properties read(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    @Test
    void formatsAnInitialControllerWithItsStableDirectoryIdOnce() throws IOException {
        Path file = serverProperties("broker,controller");
        ServerConfig config = ServerConfig.parse(Files.readString(file));
        List<String> dirs = config.allLogDirs();
        String voters =
                InitialControllers.of(CLUSTER_ID, 0, List.of("c-0", "c-1"), 9090).toArgument();

        StorageFormatter.run(
                StorageFormatPlan.decide(
                        config,
                        StorageFormatter.formatted(dirs),
                        file,
                        1,
                        Optional.of(CLUSTER_ID),
                        Optional.of(voters)),
                dirs);

        Path meta = dir.resolve("data").resolve("meta.properties");
        Properties props = read(meta);
        assertThat(props.getProperty("cluster.id")).isEqualTo(CLUSTER_ID);
        assertThat(props.getProperty("node.id")).isEqualTo("1");
        assertThat(props.getProperty("directory.id"))
                .isEqualTo(StableDirectoryId.derive(CLUSTER_ID, 1));

        byte[] before = Files.readAllBytes(meta);
        StorageFormatPlan again =
                StorageFormatPlan.decide(
                        config,
                        StorageFormatter.formatted(dirs),
                        file,
                        1,
                        Optional.of(CLUSTER_ID),
                        Optional.of(voters));
        StorageFormatter.run(again, dirs);

        assertThat(again.needed()).isFalse();
        assertThat(Files.readAllBytes(meta)).isEqualTo(before);
    }

    @Test
    void formatsABrokerOnlyNode() throws IOException {
        Path file = serverProperties("broker");
        ServerConfig config = ServerConfig.parse(Files.readString(file));

        StorageFormatter.run(
                StorageFormatPlan.decide(
                        config, Set.of(), file, 1, Optional.of(CLUSTER_ID), Optional.empty()),
                config.allLogDirs());

        assertThat(read(dir.resolve("data").resolve("meta.properties")).getProperty("cluster.id"))
                .isEqualTo(CLUSTER_ID);
    }

    @Test
    void reportsTheToolsExitStatusInsteadOfExiting() throws IOException {
        Path file = serverProperties("broker,controller");
        // A dynamic-quorum controller without a quorum flag: the tool refuses and exits 1.
        StorageFormatPlan plan =
                new StorageFormatPlan(
                        List.of("format", "--config", file.toString(), "--cluster-id", CLUSTER_ID),
                        "test");

        assertThatThrownBy(
                        () -> StorageFormatter.run(plan, List.of(dir.resolve("data").toString())))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("exit status 1");
    }

    @Test
    void reportsAToolCrash() throws IOException {
        Path file = serverProperties("broker,controller");
        StorageFormatPlan plan =
                new StorageFormatPlan(
                        List.of(
                                "format",
                                "--config",
                                file.toString(),
                                "--cluster-id",
                                CLUSTER_ID,
                                "--initial-controllers",
                                "1@c-0:9090:not-a-directory-id"),
                        "test");

        assertThatThrownBy(
                        () -> StorageFormatter.run(plan, List.of(dir.resolve("data").toString())))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("kafka-storage format failed");
    }
}
