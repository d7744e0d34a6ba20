package io.tributary.operator.cluster.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.Uuid;

/**
 * The metadata directory id of each initial KRaft controller (KIP-853). Every controller must be
 * formatted with the same list of voters and their directory ids, so the operator derives each id
 * from the cluster id and node id instead of storing it: the same inputs give the same id on every
 * reconcile.
 */
public final class ControllerDirectoryIds {
    private ControllerDirectoryIds() {}

    /** A Kafka Uuid for the directory of the controller with this node id. */
    public static String of(String clusterId, int nodeId) {
        UUID uuid =
                UUID.nameUUIDFromBytes(
                        ("tributary/" + clusterId + "/" + nodeId).getBytes(StandardCharsets.UTF_8));
        return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
    }
}
