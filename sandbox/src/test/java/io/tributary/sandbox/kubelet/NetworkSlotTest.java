package io.tributary.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSlotTest {
    @TempDir Path locks;

    @Test
    void twoSandboxesAtOnceGetDisjointAddresses() {
        try (NetworkSlot first = NetworkSlot.claim(locks);
                NetworkSlot second = NetworkSlot.claim(locks)) {
            assertThat(first.index()).isNotEqualTo(second.index());
            assertThat(first.pods().addressOf("a")).startsWith("127.1.0.");
            assertThat(first.services().addressOf("a")).startsWith("127.2.0.");
            assertThat(second.pods().addressOf("a")).startsWith("127.3.0.");
            assertThat(second.services().addressOf("a")).startsWith("127.4.0.");
        }
    }

    @Test
    void aReleasedSlotIsTakenAgain() {
        int index;
        try (NetworkSlot slot = NetworkSlot.claim(locks)) {
            index = slot.index();
        }
        try (NetworkSlot again = NetworkSlot.claim(locks)) {
            assertThat(again.index()).isEqualTo(index);
        }
    }

    @Test
    void addressesAreStablePerNameAndDistinctAcrossNames() {
        try (NetworkSlot slot = NetworkSlot.claim(locks)) {
            LoopbackAddresses pods = slot.pods();
            assertThat(pods.addressOf("x")).isEqualTo(pods.addressOf("x"));
            assertThat(pods.addressOf("y")).isNotEqualTo(pods.addressOf("x"));
        }
    }
}
