package io.tributary.operator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final Duration timeout;

    public KafkaClusterObserver(Duration timeout) {
        this.timeout = timeout;
    }

    public KafkaObservation observe(Admin admin) throws KafkaUnavailableException {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            String clusterId = get(cluster.clusterId());
            Collection<Node> nodes = get(cluster.nodes());
            Optional<Integer> leader =
                    Optional.of(get(admin.describeMetadataQuorum().quorumInfo()).leaderId());
            Optional<String> metadataVersion =
                    metadataVersion(get(admin.describeFeatures().featureMetadata()));
            Set<String> topics =
                    get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            Map<String, TopicDescription> descriptions =
                    topics.isEmpty() ? Map.of() : get(admin.describeTopics(topics).allTopicNames());
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

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws InterruptedException, KafkaUnavailableException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KafkaUnavailableException(
                    cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("no answer within " + timeout.toSeconds() + "s", e);
        }
    }
}
