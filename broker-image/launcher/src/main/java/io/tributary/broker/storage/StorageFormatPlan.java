package io.tributary.broker.storage;

import io.tributary.broker.LauncherException;
import io.tributary.broker.config.NodeRole;
import io.tributary.broker.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether this node's log directories need formatting, and the storage tool arguments to do it.
 *
 * <p>A directory is formatted when it has a {@code meta.properties}; formatted directories are
 * never touched. When some are not, the tool runs with {@code --ignore-formatted}, which formats
 * only the empty ones after checking the others belong to the same cluster and node.
 *
 * <p>The quorum flags follow what Kafka 4.3 and 4.4's storage tool requires:
 *
 * <ul>
 *   <li>a controller of a dynamic quorum ({@code controller.quorum.voters} unset) must pass one of
 *       {@code --standalone}, {@code --initial-controllers} or {@code --no-initial-controllers}:
 *       {@code --initial-controllers} when it is one of the listed initial voters (it then takes
 *       its directory id from the list), {@code --no-initial-controllers} otherwise (it starts as
 *       an observer until it is added to the quorum);
 *   <li>a broker-only node needs no flag, and gets none;
 *   <li>with a static quorum ({@code controller.quorum.voters} set) no flag is allowed.
 * </ul>
 *
 * @param arguments the storage tool's arguments, empty when nothing needs formatting
 * @param explanation what was decided and why, for the log
 */
public record StorageFormatPlan(List<String> arguments, String explanation) {

    public StorageFormatPlan {
        arguments = List.copyOf(arguments);
    }

    public boolean needed() {
        return !arguments.isEmpty();
    }

    public static StorageFormatPlan decide(
            ServerConfig config,
            Set<String> formattedDirs,
            Path serverProperties,
            int nodeId,
            Optional<String> clusterId,
            Optional<String> initialControllers) {
        List<String> dirs = config.allLogDirs();
        List<String> unformatted = dirs.stream().filter(d -> !formattedDirs.contains(d)).toList();
        if (unformatted.isEmpty()) {
            return new StorageFormatPlan(
                    List.of(), "All log directories are already formatted: " + dirs);
        }
        String cluster =
                clusterId.orElseThrow(
                        () ->
                                new LauncherException(
                                        "TRIBUTARY_CLUSTER_ID is required to format "
                                                + unformatted));
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "format",
                        "--config",
                        serverProperties.toString(),
                        "--cluster-id",
                        cluster,
                        "--ignore-formatted"));
        String quorum;
        if (!config.hasRole(NodeRole.CONTROLLER)) {
            quorum = "a broker-only node needs no quorum flag";
        } else if (config.staticVoters()) {
            if (initialControllers.isPresent()) {
                throw new LauncherException(
                        "TRIBUTARY_INITIAL_CONTROLLERS is set but server.properties sets "
                                + ServerConfig.QUORUM_VOTERS
                                + " (a static quorum); a dynamic quorum uses"
                                + " controller.quorum.bootstrap.servers instead");
            }
            quorum = "a static quorum (" + ServerConfig.QUORUM_VOTERS + ") takes no quorum flag";
        } else if (initialControllers.map(InitialControllers::parse).stream()
                .anyMatch(ic -> ic.contains(nodeId))) {
            args.add("--initial-controllers");
            args.add(initialControllers.orElseThrow());
            quorum = "node " + nodeId + " is one of the initial controllers";
        } else {
            args.add("--no-initial-controllers");
            quorum =
                    "node "
                            + nodeId
                            + " is not an initial controller and joins the quorum as an observer";
        }
        return new StorageFormatPlan(args, "Formatting " + unformatted + ": " + quorum);
    }
}
