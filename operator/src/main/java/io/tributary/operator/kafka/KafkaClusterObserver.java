package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Asks a cluster's brokers about themselves: one round of Admin calls, bounded by a timeout. */
public final class KafkaClusterObserver {
    private final AdminCall call;

    public KafkaClusterObserver(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    public KafkaObservation observe(Admin admin) throws KafkaUnavailableException {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            String clusterId = call.get(cluster.clusterId());
            Collection<Node> nodes = call.get(cluster.nodes());
            Optional<Integer> leader =
                    Optional.of(call.get(admin.describeMetadataQuorum().quorumInfo()).leaderId());
            Optional<String> metadataVersion =
                    metadataVersion(call.get(admin.describeFeatures().featureMetadata()));
            Set<String> topics =
                    call.get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            Collection<TopicDescription> descriptions = describe(admin, topics);
            int partitions = 0;
            int underReplicated = 0;
            int offline = 0;
            for (TopicDescription topic : descriptions) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    partitions++;
                    if (partition.leader() == null || partition.leader().isEmpty()) {
                        offline++;
                    }
                    if (partition.isr().size() < partition.replicas().size()) {
                        underReplicated++;
                    }
                }
            }
            List<KafkaObservation.Broker> brokers = new ArrayList<>();
            for (Node node : nodes) {
                brokers.add(
                        new KafkaObservation.Broker(node.id(), Optional.ofNullable(node.rack())));
            }
            return new KafkaObservation(
                    clusterId,
                    brokers,
                    leader.filter(id -> id >= 0),
                    metadataVersion,
                    partitions,
                    underReplicated,
                    offline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while asking the brokers", e);
        }
    }

    /**
     * The topics listed a moment ago, as described now: one deleted meanwhile, or created and not
     * yet known to the broker that answers, is left out rather than failing the whole look (during
     * a burst of topic creations or deletions it would make the cluster look unreachable).
     */
    private Collection<TopicDescription> describe(Admin admin, Set<String> topics)
            throws KafkaUnavailableException, InterruptedException {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<TopicDescription>> futures =
                admin.describeTopics(topics).topicNameValues();
        List<TopicDescription> descriptions = new ArrayList<>();
        for (KafkaFuture<TopicDescription> future : futures.values()) {
            try {
                descriptions.add(call.get(future));
            } catch (KafkaUnavailableException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return descriptions;
    }

    static Optional<String> metadataVersion(FeatureMetadata features) {
        FinalizedVersionRange range = features.finalizedFeatures().get("metadata.version");
        if (range == null) {
            return Optional.empty();
        }
        short level = range.maxVersionLevel();
        return Optional.of(MetadataVersions.name(level).orElse("level " + level));
    }
}
