package io.tributary.operator.roll;

import java.util.List;

/** What the roll executor does next: restart pods, wait and say why, or nothing at all. */
public sealed interface RollStep {

    /** Restart these pods now (one, or a rack's brokers together). */
    record Restart(List<String> pods, String reason) implements RollStep {
        public Restart {
            pods = List.copyOf(pods);
        }
    }

    /**
     * Nothing may restart now; {@code blockedBySafety} tells a wait for safety (a partition or the
     * quorum would suffer) from a wait for progress (a node coming back).
     */
    record Wait(String reason, boolean blockedBySafety) implements RollStep {}

    /** No node needs a restart. */
    record Done() implements RollStep {}
}
