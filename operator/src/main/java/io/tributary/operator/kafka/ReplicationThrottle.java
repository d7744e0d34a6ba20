package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Sets and removes a replication throttle through the Admin API, as {@code
 * kafka-reassign-partitions.sh --throttle} does: a rate on each broker ({@code
 * leader/follower.replication.throttled.rate}, per broker so that the cluster-wide defaults the
 * cluster reconciler keeps are left alone) that applies to the replicas a topic lists as throttled.
 * Removal writes only what is set, so that a resync with nothing to remove writes nothing.
 */
public final class ReplicationThrottle {
    static final String LEADER_RATE = "leader.replication.throttled.rate";
    static final String FOLLOWER_RATE = "follower.replication.throttled.rate";

    private final AdminCall call;

    public ReplicationThrottle(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /** Limits replication on the brokers to {@code bytesPerSecond}, where not already so. */
    public void limitBrokers(Admin admin, Collection<Integer> brokers, long bytesPerSecond)
            throws KafkaUnavailableException, InterruptedException {
        String rate = Long.toString(bytesPerSecond);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        brokerRates(admin, brokers)
                .forEach(
                        (resource, set) -> {
                            List<AlterConfigOp> ops = new ArrayList<>();
                            for (String key : List.of(LEADER_RATE, FOLLOWER_RATE)) {
                                if (!rate.equals(set.get(key))) {
                                    ops.add(
                                            new AlterConfigOp(
                                                    new ConfigEntry(key, rate),
                                                    AlterConfigOp.OpType.SET));
                                }
                            }
                            if (!ops.isEmpty()) {
                                changes.put(resource, ops);
                            }
                        });
        alter(admin, changes);
    }

    /** Removes the brokers' replication rates, where set; returns whether it removed any. */
    public boolean releaseBrokers(Admin admin, Collection<Integer> brokers)
            throws KafkaUnavailableException, InterruptedException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        brokerRates(admin, brokers)
                .forEach(
                        (resource, set) -> {
                            List<AlterConfigOp> ops = new ArrayList<>();
                            for (String key : set.keySet()) {
                                ops.add(
                                        new AlterConfigOp(
                                                new ConfigEntry(key, null),
                                                AlterConfigOp.OpType.DELETE));
                            }
                            if (!ops.isEmpty()) {
                                changes.put(resource, ops);
                            }
                        });
        alter(admin, changes);
        return !changes.isEmpty();
    }

    /** Lists the topic's throttled replicas. */
    public void limitTopic(Admin admin, String topic, ThrottledReplicas replicas)
            throws KafkaUnavailableException, InterruptedException {
        List<AlterConfigOp> ops = new ArrayList<>();
        replicas.configs()
                .forEach(
                        (k, v) ->
                                ops.add(
                                        new AlterConfigOp(
                                                new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        alter(admin, Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops));
    }

    /** Removes the topic's throttled replicas (the caller knows they are set). */
    public void releaseTopic(Admin admin, String topic, Set<String> keys)
            throws KafkaUnavailableException, InterruptedException {
        List<AlterConfigOp> ops = new ArrayList<>();
        for (String key : keys) {
            ops.add(new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE));
        }
        alter(admin, Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops));
    }

    /**
     * Removes the throttled-replica lists of these topics, in one request (deleting a config that
     * is not set changes nothing).
     */
    public void releaseTopics(Admin admin, Collection<String> topics)
            throws KafkaUnavailableException, InterruptedException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            List<AlterConfigOp> ops = new ArrayList<>();
            for (String key : ThrottledReplicas.CONFIG_KEYS) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE));
            }
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops);
        }
        alter(admin, changes);
    }

    /** Each broker's own replication rates, by config resource. */
    private Map<ConfigResource, Map<String, String>> brokerRates(
            Admin admin, Collection<Integer> brokers)
            throws KafkaUnavailableException, InterruptedException {
        List<ConfigResource> resources =
                brokers.stream()
                        .map(id -> new ConfigResource(ConfigResource.Type.BROKER, id.toString()))
                        .toList();
        Map<ConfigResource, Config> configs = call.get(admin.describeConfigs(resources).all());
        Map<ConfigResource, Map<String, String>> rates = new HashMap<>();
        configs.forEach(
                (resource, config) -> {
                    Map<String, String> set = new HashMap<>();
                    for (ConfigEntry entry : config.entries()) {
                        if ((LEADER_RATE.equals(entry.name()) || FOLLOWER_RATE.equals(entry.name()))
                                && entry.source()
                                        == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG) {
                            set.put(entry.name(), entry.value());
                        }
                    }
                    rates.put(resource, set);
                });
        return rates;
    }

    private void alter(Admin admin, Map<ConfigResource, Collection<AlterConfigOp>> changes)
            throws KafkaUnavailableException, InterruptedException {
        if (!changes.isEmpty()) {
            call.get(admin.incrementalAlterConfigs(changes).all());
        }
    }
}
