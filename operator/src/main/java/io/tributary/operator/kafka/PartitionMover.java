package io.tributary.operator.kafka;

import io.tributary.operator.rebalance.PartitionAssignment;
import io.tributary.operator.rebalance.PlanTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A cluster's partitions through the Admin API, for rebalancing: every partition's replicas and
 * size, the registered brokers, reassignments started and watched, preferred leaders elected, and
 * removed brokers unregistered.
 */
public final class PartitionMover {
    /** Topics described per request when every partition is read. */
    private static final int DESCRIBE_CHUNK = 1000;

    private final AdminCall call;

    public PartitionMover(Duration timeout) {
        this.call = new AdminCall(timeout);
    }

    /** Every partition of every topic (internal ones too), with its size where a replica has it. */
    public List<PartitionAssignment> assignment(Admin admin, Collection<Integer> brokers)
            throws KafkaUnavailableException, InterruptedException {
        Set<String> topics =
                call.get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
        Map<String, Long> sizes = sizes(admin, brokers);
        List<PartitionAssignment> partitions = new ArrayList<>();
        for (TopicDescription topic : describe(admin, topics).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                Long size = sizes.get(topic.name() + "-" + partition.partition());
                partitions.add(
                        new PartitionAssignment(
                                topic.name(),
                                partition.partition(),
                                partition.replicas().stream().map(Node::id).toList(),
                                size == null ? OptionalLong.empty() : OptionalLong.of(size)));
            }
        }
        return partitions;
    }

    /** The replicas of these topics' partitions, by {@code topic-partition}. */
    public Map<String, List<Integer>> replicas(Admin admin, Set<String> topics)
            throws KafkaUnavailableException, InterruptedException {
        Map<String, List<Integer>> replicas = new HashMap<>();
        Set<String> existing = new HashSet<>(topics);
        existing.retainAll(
                call.get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()));
        for (TopicDescription topic : describe(admin, existing).values()) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                replicas.put(
                        topic.name() + "-" + partition.partition(),
                        partition.replicas().stream().map(Node::id).toList());
            }
        }
        return replicas;
    }

    /** The partitions Kafka is reassigning now, by {@code topic-partition}. */
    public Set<String> reassigning(Admin admin)
            throws KafkaUnavailableException, InterruptedException {
        Set<String> moving = new HashSet<>();
        for (TopicPartition partition :
                call.get(admin.listPartitionReassignments().reassignments()).keySet()) {
            moving.add(partition.topic() + "-" + partition.partition());
        }
        return moving;
    }

    /** Starts moving these partitions to their targets. */
    public void reassign(Admin admin, List<PlanTarget> batch)
            throws KafkaUnavailableException, InterruptedException {
        Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
        for (PlanTarget target : batch) {
            moves.put(
                    new TopicPartition(target.topic(), target.partition()),
                    Optional.of(new NewPartitionReassignment(target.replicas())));
        }
        call.get(admin.alterPartitionReassignments(moves).all());
    }

    /** Gives these partitions' leadership to their preferred replicas; returns how many moved. */
    public int electPreferredLeaders(Admin admin, Collection<PlanTarget> partitions)
            throws KafkaUnavailableException, InterruptedException {
        Set<TopicPartition> wanted = new HashSet<>();
        partitions.forEach(p -> wanted.add(new TopicPartition(p.topic(), p.partition())));
        if (wanted.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Optional<Throwable>> results =
                call.get(admin.electLeaders(ElectionType.PREFERRED, wanted).partitions());
        // A partition already led by its preferred replica answers ElectionNotNeeded.
        return (int) results.values().stream().filter(Optional::isEmpty).count();
    }

    /** Every broker registered with the controller, fenced ones (shut down) included. */
    public Map<Integer, Optional<String>> registeredBrokers(Admin admin)
            throws KafkaUnavailableException, InterruptedException {
        Map<Integer, Optional<String>> brokers = new TreeMap<>();
        for (Node node :
                call.get(
                        admin.describeCluster(
                                        new DescribeClusterOptions().includeFencedBrokers(true))
                                .nodes())) {
            brokers.put(node.id(), Optional.ofNullable(node.rack()));
        }
        return brokers;
    }

    /** Removes a shut-down broker's registration from the KRaft metadata. */
    public void unregister(Admin admin, int broker)
            throws KafkaUnavailableException, InterruptedException {
        call.get(admin.unregisterBroker(broker).all());
    }

    private Map<String, TopicDescription> describe(Admin admin, Set<String> topics)
            throws KafkaUnavailableException, InterruptedException {
        Map<String, TopicDescription> all = new TreeMap<>();
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(topics));
        for (int from = 0; from < names.size(); from += DESCRIBE_CHUNK) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + DESCRIBE_CHUNK));
            all.putAll(call.get(admin.describeTopics(chunk).allTopicNames()));
        }
        return all;
    }

    /** The largest replica of each partition, by {@code topic-partition}. */
    private Map<String, Long> sizes(Admin admin, Collection<Integer> brokers)
            throws KafkaUnavailableException, InterruptedException {
        Map<String, Long> sizes = new HashMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs =
                call.get(admin.describeLogDirs(brokers).allDescriptions());
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription dir : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica :
                        dir.replicaInfos().entrySet()) {
                    sizes.merge(
                            replica.getKey().topic() + "-" + replica.getKey().partition(),
                            replica.getValue().size(),
                            Math::max);
                }
            }
        }
        return sizes;
    }
}
