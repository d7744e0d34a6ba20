package io.tributary.operator.roll;

import java.util.List;
import java.util.Optional;

/**
 * The KRaft quorum as the controller reports it: its leader and whether each voter is caught up
 * with the leader's log.
 */
public record QuorumState(Optional<Integer> leader, List<Voter> voters) {

    public QuorumState {
        voters = List.copyOf(voters);
    }

    /** A voter and whether its log is caught up with the leader's. */
    public record Voter(int id, boolean caughtUp) {}

    /** A quorum nobody could be asked about. */
    public static QuorumState unknown() {
        return new QuorumState(Optional.empty(), List.of());
    }
}
