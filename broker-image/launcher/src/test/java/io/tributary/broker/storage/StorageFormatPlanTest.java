package io.tributary.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import io.tributary.broker.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When storage is formatted, and the storage tool arguments for each kind of node. */
class StorageFormatPlanTest {
    private static final Path RENDERED = Path.of("/w/server.properties");
    private static final Optional<String> CLUSTER = Optional.of("MkU3OEVBNTcwNTJENDM2Qk");
    private static final String VOTERS =
            "0@c-0:9090:JEXY6aqzQY-32P5TStzaFg,1@c-1:9090:MvDxzVmcRsaTz33bUuRU6A";

    private static ServerConfig config(String roles, String extra) {
        return ServerConfig.parse("process.roles=" + roles + "\nlog.dirs=/d/a,/d/b\n" + extra);
    }

    @Test
    void leavesFormattedDirectoriesAlone() {
        StorageFormatPlan plan =
                StorageFormatPlan.decide(
                        config("broker,controller", ""),
                        Set.of("/d/a", "/d/b"),
                        RENDERED,
                        0,
                        Optional.empty(),
                        Optional.of(VOTERS));

        assertThat(plan.needed()).isFalse();
        assertThat(plan.arguments()).isEmpty();
        assertThat(plan.explanation()).contains("already formatted");
    }

    @Test
    void formatsAnInitialControllerWithTheVoterList() {
        StorageFormatPlan plan =
                StorageFormatPlan.decide(
                        config("broker,controller", ""),
                        Set.of(),
                        RENDERED,
                        1,
                        CLUSTER,
                        Optional.of(VOTERS));

        assertThat(plan.arguments())
                .containsExactly(
                        "format",
                        "--config",
                        "/w/server.properties",
                        "--cluster-id",
                        "MkU3OEVBNTcwNTJENDM2Qk",
                        "--ignore-formatted",
                        "--initial-controllers",
                        VOTERS);
        assertThat(plan.explanation()).contains("[/d/a, /d/b]", "initial controllers");
    }

    @Test
    void formatsAnotherControllerWithoutInitialControllers() {
        StorageFormatPlan listedElsewhere =
                StorageFormatPlan.decide(
                        config("controller", ""),
                        Set.of(),
                        RENDERED,
                        2,
                        CLUSTER,
                        Optional.of(VOTERS));
        StorageFormatPlan noList =
                StorageFormatPlan.decide(
                        config("controller", ""), Set.of(), RENDERED, 0, CLUSTER, Optional.empty());

        assertThat(listedElsewhere.arguments())
                .endsWith("--ignore-formatted", "--no-initial-controllers");
        assertThat(noList.arguments()).endsWith("--ignore-formatted", "--no-initial-controllers");
    }

    @Test
    void formatsABrokerOnlyNodeWithoutQuorumFlags() {
        StorageFormatPlan plan =
                StorageFormatPlan.decide(
                        config("broker", ""), Set.of(), RENDERED, 0, CLUSTER, Optional.of(VOTERS));

        assertThat(plan.arguments())
                .containsExactly(
                        "format",
                        "--config",
                        "/w/server.properties",
                        "--cluster-id",
                        "MkU3OEVBNTcwNTJENDM2Qk",
                        "--ignore-formatted");
    }

    @Test
    void formatsAStaticQuorumControllerWithoutQuorumFlags() {
        StorageFormatPlan plan =
                StorageFormatPlan.decide(
                        config("controller", "controller.quorum.voters=0@c-0:9090"),
                        Set.of(),
                        RENDERED,
                        0,
                        CLUSTER,
                        Optional.empty());

        assertThat(plan.arguments()).endsWith("--ignore-formatted");
    }

    @Test
    void refusesInitialControllersForAStaticQuorum() {
        assertThatThrownBy(
                        () ->
                                StorageFormatPlan.decide(
                                        config("controller", "controller.quorum.voters=0@c-0:9090"),
                                        Set.of(),
                                        RENDERED,
                                        0,
                                        CLUSTER,
                                        Optional.of(VOTERS)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("controller.quorum.voters");
    }

    @Test
    void formatsOnlyTheMissingDirectoriesOfAPartlyFormattedNode() {
        StorageFormatPlan plan =
                StorageFormatPlan.decide(
                        config("broker", ""),
                        Set.of("/d/a"),
                        RENDERED,
                        0,
                        CLUSTER,
                        Optional.empty());

        assertThat(plan.arguments()).contains("--ignore-formatted");
        assertThat(plan.explanation()).contains("[/d/b]").doesNotContain("/d/a");
    }

    @Test
    void needsAClusterIdToFormat() {
        assertThatThrownBy(
                        () ->
                                StorageFormatPlan.decide(
                                        config("broker", ""),
                                        Set.of(),
                                        RENDERED,
                                        0,
                                        Optional.empty(),
                                        Optional.empty()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("TRIBUTARY_CLUSTER_ID");
    }
}
