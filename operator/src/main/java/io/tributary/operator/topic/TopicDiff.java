package io.tributary.operator.topic;

import io.tributary.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a KafkaTopic's spec with the topic Kafka describes and says what to do: create it, add
 * partitions, set and delete configs, move replicas to a new replication factor; or refuse, when
 * the spec asks for what Kafka cannot do (fewer partitions, more replicas than brokers), in which
 * case nothing is done at all. Config values are Kafka's to judge (the reconciler validates them
 * with {@code validateOnly} first). Pure.
 */
public final class TopicDiff {
    private TopicDiff() {}

    /**
     * The plan for a topic its resource has never found in Kafka, made without describing it: its
     * creation. Empty when that plan would be refused, because a refusal must name what is wrong
     * with the topic as it is, which needs it described (it may exist already).
     */
    public static Optional<TopicPlan> creation(
            DesiredTopic desired, Map<Integer, Optional<String>> brokers) {
        TopicPlan plan = plan(desired, Optional.empty(), brokers);
        return plan.refused() ? Optional.empty() : Optional.of(plan);
    }

    /**
     * @param brokers the cluster's registered brokers with their racks
     */
    public static TopicPlan plan(
            DesiredTopic desired,
            Optional<ObservedTopic> observed,
            Map<Integer, Optional<String>> brokers) {
        List<Problem> refusals = new ArrayList<>();
        desired.replicationFactor()
                .filter(rf -> rf > brokers.size())
                .ifPresent(
                        rf ->
                                refusals.add(
                                        new Problem(
                                                "ReplicationFactorAboveBrokers",
                                                "spec.replicationFactor: %d replicas need %d brokers; the cluster has %d"
                                                        .formatted(rf, rf, brokers.size()))));
        if (observed.isEmpty()) {
            return refusals.isEmpty()
                    ? new TopicPlan(
                            List.of(
                                    new TopicAction.Create(
                                            desired.name(),
                                            desired.partitions(),
                                            desired.replicationFactor(),
                                            desired.config())),
                            List.of(),
                            List.of())
                    : new TopicPlan(List.of(), refusals, List.of());
        }
        ObservedTopic topic = observed.get();
        desired.partitions()
                .filter(p -> p < topic.partitions())
                .ifPresent(
                        p ->
                                refusals.add(
                                        new Problem(
                                                "PartitionDecrease",
                                                "spec.partitions: the topic has %d partitions and Kafka cannot remove partitions; %d is fewer"
                                                        .formatted(topic.partitions(), p))));
        List<String> drift = drift(desired, topic);
        if (!refusals.isEmpty()) {
            return new TopicPlan(List.of(), refusals, drift);
        }
        List<TopicAction> actions = new ArrayList<>();
        Map<String, String> set = new TreeMap<>();
        desired.config()
                .forEach(
                        (key, value) -> {
                            if (!Objects.equals(topic.config().get(key), value)) {
                                set.put(key, value);
                            }
                        });
        Set<String> delete = new TreeSet<>(topic.config().keySet());
        delete.removeAll(desired.config().keySet());
        if (!set.isEmpty() || !delete.isEmpty()) {
            actions.add(new TopicAction.AlterConfig(desired.name(), set, delete));
        }
        int factor = desired.replicationFactor().orElse(topic.replicationFactor());
        List<List<Integer>> replicas = new ArrayList<>(topic.replicas());
        if (factor != topic.replicationFactor()) {
            Map<Integer, List<Integer>> moves =
                    ReplicaAssignment.changeFactor(topic.replicas(), factor, brokers);
            moves.forEach(replicas::set);
            actions.add(
                    new TopicAction.Reassign(
                            desired.name(), topic.replicationFactor(), factor, moves));
        }
        desired.partitions()
                .filter(p -> p > topic.partitions())
                .ifPresent(
                        p ->
                                actions.add(
                                        new TopicAction.IncreasePartitions(
                                                desired.name(),
                                                topic.partitions(),
                                                p,
                                                ReplicaAssignment.newPartitions(
                                                        replicas, p, factor, brokers))));
        return new TopicPlan(actions, List.of(), drift);
    }

    /** How Kafka differs from the spec, in words, for the status. */
    static List<String> drift(DesiredTopic desired, ObservedTopic topic) {
        List<String> drift = new ArrayList<>();
        desired.partitions()
                .filter(p -> p != topic.partitions())
                .ifPresent(p -> drift.add("partitions: %d in Kafka".formatted(topic.partitions())));
        desired.replicationFactor()
                .filter(rf -> rf != topic.replicationFactor())
                .ifPresent(
                        rf ->
                                drift.add(
                                        "replicationFactor: %d in Kafka"
                                                .formatted(topic.replicationFactor())));
        desired.config()
                .forEach(
                        (key, value) -> {
                            String actual = topic.config().get(key);
                            if (!value.equals(actual)) {
                                drift.add(
                                        actual == null
                                                ? "config %s: the broker default in Kafka"
                                                        .formatted(key)
                                                : "config %s: %s in Kafka".formatted(key, actual));
                            }
                        });
        topic.config().keySet().stream()
                .filter(key -> !desired.config().containsKey(key))
                .sorted()
                .forEach(
                        key ->
                                drift.add(
                                        "config %s: %s in Kafka, not in the spec"
                                                .formatted(key, topic.config().get(key))));
        return drift;
    }
}
