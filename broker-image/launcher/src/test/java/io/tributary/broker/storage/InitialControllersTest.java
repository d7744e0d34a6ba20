package io.tributary.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.broker.LauncherException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and building the --initial-controllers value. */
class InitialControllersTest {
    private static final String LIST =
            "0@c-0.h.ns.svc.cluster.local:9090:JEXY6aqzQY-32P5TStzaFg,"
                    + "1@c-1.h.ns.svc.cluster.local:9090:MvDxzVmcRsaTz33bUuRU6A";

    @Test
    void parsesTheVoters() {
        InitialControllers controllers = InitialControllers.parse(LIST);

        assertThat(controllers.voters())
                .containsExactly(
                        new InitialControllers.Voter(
                                0, "c-0.h.ns.svc.cluster.local", 9090, "JEXY6aqzQY-32P5TStzaFg"),
                        new InitialControllers.Voter(
                                1, "c-1.h.ns.svc.cluster.local", 9090, "MvDxzVmcRsaTz33bUuRU6A"));
        assertThat(controllers.contains(1)).isTrue();
        assertThat(controllers.contains(2)).isFalse();
        assertThat(controllers.toArgument()).isEqualTo(LIST);
    }

    @Test
    void parsesBracketedIpv6Hosts() {
        InitialControllers controllers =
                InitialControllers.parse("5@[::1]:9090:MvDxzVmcRsaTz33bUuRU6A");

        assertThat(controllers.voters().get(0).host()).isEqualTo("[::1]");
        assertThat(controllers.contains(5)).isTrue();
    }

    @Test
    void buildsTheListWithStableDirectoryIds() {
        InitialControllers controllers =
                InitialControllers.of("cluster", 10, List.of("c-0.h", "c-1.h", "c-2.h"), 9090);

        assertThat(controllers.toArgument())
                .isEqualTo(
                        "10@c-0.h:9090:"
                                + StableDirectoryId.derive("cluster", 10)
                                + ",11@c-1.h:9090:"
                                + StableDirectoryId.derive("cluster", 11)
                                + ",12@c-2.h:9090:"
                                + StableDirectoryId.derive("cluster", 12));
        assertThat(InitialControllers.parse(controllers.toArgument())).isEqualTo(controllers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-0:9090:dir", "x@c-0:9090:dir", "0@c-0:dir", "0@c-0:port:dir", ""})
    void rejectsMalformedEntries(String entry) {
        assertThatThrownBy(() -> InitialControllers.parse(entry))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("TRIBUTARY_INITIAL_CONTROLLERS")
                .hasMessageContaining("id@host:port:directoryId");
    }
}
