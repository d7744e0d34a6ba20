package io.tributary.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import org.junit.jupiter.api.Test;

/** What the launcher reads from a rendered server.properties. */
class ServerConfigTest {
    @Test
    void readsRolesDirectoriesAndQuorum() {
        ServerConfig config =
                ServerConfig.parse(
                        "process.roles = broker, controller\n"
                                + "log.dirs=/d/a, /d/b\n"
                                + "metadata.log.dir=/d/meta\n"
                                + "controller.quorum.bootstrap.servers=c-0:9090\n"
                                + "log.cleaner.threads=2\n");

        assertThat(config.roles()).containsExactlyInAnyOrder(NodeRole.BROKER, NodeRole.CONTROLLER);
        assertThat(config.logDirs()).containsExactly("/d/a", "/d/b");
        assertThat(config.allLogDirs()).containsExactly("/d/a", "/d/b", "/d/meta");
        assertThat(config.staticVoters()).isFalse();
        assertThat(config.cleanerThreads()).isEqualTo(2);
        assertThat(config.dedupeBufferSize()).isEmpty();
    }

    @Test
    void fallsBackToLogDirThenKafkasDefault() {
        assertThat(ServerConfig.parse("process.roles=broker\nlog.dir=/one").logDirs())
                .containsExactly("/one");
        assertThat(ServerConfig.parse("process.roles=broker").logDirs())
                .containsExactly("/tmp/kafka-logs");
    }

    @Test
    void doesNotListTheMetadataDirTwice() {
        ServerConfig config =
                ServerConfig.parse("process.roles=controller\nlog.dirs=/a\nmetadata.log.dir=/a");

        assertThat(config.allLogDirs()).containsExactly("/a");
    }

    @Test
    void seesAStaticQuorumAndADedupeBufferSize() {
        ServerConfig config =
                ServerConfig.parse(
                        "process.roles=controller\ncontroller.quorum.voters=0@c:9090\n"
                                + "log.cleaner.dedupe.buffer.size=1048577");

        assertThat(config.staticVoters()).isTrue();
        assertThat(config.dedupeBufferSize()).contains(1048577L);
    }

    @Test
    void requiresKRaftRoles() {
        assertThatThrownBy(() -> ServerConfig.parse("broker.id=1"))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("process.roles");
        assertThatThrownBy(() -> ServerConfig.parse("process.roles=broker,zookeeper"))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("'zookeeper'");
    }

    @Test
    void rejectsANonNumericCleanerSetting() {
        assertThatThrownBy(
                        () -> ServerConfig.parse("process.roles=broker\nlog.cleaner.threads=two"))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("log.cleaner.threads");
    }
}
