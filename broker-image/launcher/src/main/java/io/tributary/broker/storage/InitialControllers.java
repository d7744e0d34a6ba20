package io.tributary.broker.storage;

import io.tributary.broker.LauncherException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value of Kafka's {@code --initial-controllers}: the voters a new dynamic (KIP-853) quorum
 * starts with, as {@code id@host:port:directoryId,...}.
 *
 * <p>Only the node ids are checked here; Kafka's storage tool validates the rest.
 */
public record InitialControllers(List<Voter> voters) {

    /** One initial voter: its node id, controller endpoint and metadata directory id. */
    public record Voter(int nodeId, String host, int port, String directoryId) {
        @Override
        public String toString() {
            return nodeId + "@" + host + ":" + port + ":" + directoryId;
        }
    }

    public InitialControllers {
        voters = List.copyOf(voters);
    }

    /**
     * The voters for {@code controllerHosts} (node ids {@code firstNodeId} onwards, in order), each
     * with its {@link StableDirectoryId}.
     */
    public static InitialControllers of(
            String clusterId, int firstNodeId, List<String> controllerHosts, int controllerPort) {
        List<Voter> voters = new ArrayList<>();
        for (int i = 0; i < controllerHosts.size(); i++) {
            int nodeId = firstNodeId + i;
            voters.add(
                    new Voter(
                            nodeId,
                            controllerHosts.get(i),
                            controllerPort,
                            StableDirectoryId.derive(clusterId, nodeId)));
        }
        return new InitialControllers(voters);
    }

    public static InitialControllers parse(String value) {
        List<Voter> voters = new ArrayList<>();
        for (String entry : value.split(",")) {
            voters.add(parseVoter(entry.strip()));
        }
        return new InitialControllers(voters);
    }

    public boolean contains(int nodeId) {
        return voters.stream().anyMatch(v -> v.nodeId() == nodeId);
    }

    /** The {@code --initial-controllers} argument. */
    public String toArgument() {
        return voters.stream().map(Voter::toString).collect(Collectors.joining(","));
    }

    private static Voter parseVoter(String entry) {
        int at = entry.indexOf('@');
        int lastColon = entry.lastIndexOf(':');
        int portColon = lastColon < 0 ? -1 : entry.lastIndexOf(':', lastColon - 1);
        if (at <= 0 || portColon <= at) {
            throw invalid(entry);
        }
        try {
            return new Voter(
                    Integer.parseInt(entry.substring(0, at)),
                    entry.substring(at + 1, portColon),
                    Integer.parseInt(entry.substring(portColon + 1, lastColon)),
                    entry.substring(lastColon + 1));
        } catch (NumberFormatException e) {
            throw invalid(entry);
        }
    }

    private static LauncherException invalid(String entry) {
        return new LauncherException(
                "TRIBUTARY_INITIAL_CONTROLLERS entry '"
                        + entry
                        + "' is not id@host:port:directoryId");
    }
}
