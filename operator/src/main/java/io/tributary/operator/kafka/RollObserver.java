package io.tributary.operator.kafka;

import io.tributary.operator.roll.PartitionState;
import io.tributary.operator.roll.QuorumState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a roll decides on, asked of the brokers: every partition's replicas and in-sync replicas
 * with its topic's effective min.insync.replicas, and how far each KRaft voter is behind the quorum
 * leader. Asked only while a roll is pending, since it describes every topic.
 */
public final class RollObserver {
    /**
     * A voter counts as caught up when its last catch-up is within this of the leader's, as Kafka's
     * own controller.quorum.fetch.timeout.ms default judges a fetching voter alive.
     */
    static final Duration VOTER_LAG = Duration.ofSeconds(2);

    private final AdminCall call;

    public RollObserver(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /** The partitions and the quorum, for the roll planner. */
    public record RollView(List<PartitionState> partitions, QuorumState quorum) {}

    public RollView observe(Admin admin) throws KafkaUnavailableException {
        try {
            Set<String> topics =
                    call.get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            Map<String, TopicDescription> descriptions =
                    topics.isEmpty()
                            ? Map.of()
                            : call.get(admin.describeTopics(topics).allTopicNames());
            Map<String, Integer> minIsr = minInSyncReplicas(admin, topics);
            List<PartitionState> partitions = new ArrayList<>();
            for (TopicDescription topic : descriptions.values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    partitions.add(
                            new PartitionState(
                                    topic.name(),
                                    partition.partition(),
                                    partition.replicas().stream().map(Node::id).toList(),
                                    partition.isr().stream().map(Node::id).toList(),
                                    minIsr.getOrDefault(topic.name(), 1)));
                }
            }
            QuorumInfo quorum = call.get(admin.describeMetadataQuorum().quorumInfo());
            return new RollView(partitions, quorum(quorum));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while asking the brokers", e);
        }
    }

    /** The quorum from Kafka's report: a voter is caught up when it trails the leader by little. */
    static QuorumState quorum(QuorumInfo info) {
        int leader = info.leaderId();
        long leaderCaughtUp =
                info.voters().stream()
                        .filter(v -> v.replicaId() == leader)
                        .findFirst()
                        .flatMap(v -> toOptional(v.lastCaughtUpTimestamp()))
                        .orElse(Long.MAX_VALUE);
        List<QuorumState.Voter> voters = new ArrayList<>();
        for (QuorumInfo.ReplicaState voter : info.voters()) {
            boolean caughtUp =
                    voter.replicaId() == leader
                            || toOptional(voter.lastCaughtUpTimestamp())
                                    .map(t -> leaderCaughtUp - t <= VOTER_LAG.toMillis())
                                    .orElse(false);
            voters.add(new QuorumState.Voter(voter.replicaId(), caughtUp));
        }
        return new QuorumState(leader >= 0 ? Optional.of(leader) : Optional.empty(), voters);
    }

    private Map<String, Integer> minInSyncReplicas(Admin admin, Set<String> topics)
            throws InterruptedException, KafkaUnavailableException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources =
                topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = call.get(admin.describeConfigs(resources).all());
        Map<String, Integer> minIsr = new HashMap<>();
        configs.forEach(
                (resource, config) -> {
                    ConfigEntry entry = config.get("min.insync.replicas");
                    if (entry != null && entry.value() != null) {
                        minIsr.put(resource.name(), Integer.parseInt(entry.value()));
                    }
                });
        return minIsr;
    }

    private static Optional<Long> toOptional(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
