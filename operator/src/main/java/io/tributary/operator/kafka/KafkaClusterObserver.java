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
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

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
            Map<String, TopicDescription> descriptions =
                    topics.isEmpty()
                            ? Map.of()
                            : call.get(admin.describeTopics(topics).allTopicNames());
            int partitions = 0;
            int underReplicated = 0;
            int offline = 0;
            for (TopicDescription topic : descriptions.values()) {
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

    static Optional<String> metadataVersion(FeatureMetadata features) {
        FinalizedVersionRange range = features.finalizedFeatures().get("metadata.version");
        if (range == null) {
            return Optional.empty();
        }
        short level = range.maxVersionLevel();
        return Optional.of(MetadataVersions.name(level).orElse("level " + level));
    }
}
