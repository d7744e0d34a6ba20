package io.tributary.operator.topic;

import io.tributary.operator.kafka.AdminCall;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.ReplicationThrottle;
import io.tributary.operator.kafka.RequestBatcher;
import io.tributary.operator.kafka.ThrottledReplicas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigsOptions;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * One cluster's topics through the Admin API. Describes and creates are batched across topics (one
 * describeTopics and one describeConfigs, or one createTopics, for many reconciles at once); the
 * rarer writes go one by one. Kafka judges config names and values: what it refuses comes back as
 * {@link TopicWriteResult.Outcome#REFUSED}, what may pass as {@code RETRY}.
 */
public final class TopicAdmin implements AutoCloseable {
    private static final int MAX_BATCH = 500;
    private static final int QUEUE = 20_000;
    private static final Duration LINGER = Duration.ofMillis(50);

    /**
     * Creations wait longer for company: every createTopics becomes a metadata change that each
     * broker applies. Requests of 50 and of 500 topics sent back to back cost the brokers the same,
     * but in the topic benchmark (10,000 resources arriving over about 70 s) a 50 ms linger cost
     * them 93 s of CPU against 79 s with this one, and the run took 93 s against 81 s (one run
     * each, on a noisy machine).
     */
    private static final Duration CREATE_LINGER = Duration.ofMillis(500);

    /** A topic as described, or why it could not be. */
    record Described(Optional<ObservedTopic> topic, String error) {}

    private final Admin admin;
    private final AdminCall call;
    private final ReplicationThrottle throttle;
    private final RequestBatcher<String, Described> describes;
    private final RequestBatcher<TopicAction.Create, TopicWriteResult> creates;
    private final Expiring<Map<Integer, Optional<String>>> brokers =
            new Expiring<>(Duration.ofSeconds(5));
    private final Expiring<java.util.Set<String>> reassigningTopics =
            new Expiring<>(Duration.ofSeconds(2));
    private final Map<String, CompletableFuture<TopicWriteResult>> pendingCreates =
            new ConcurrentHashMap<>();

    public TopicAdmin(Admin admin, Duration timeout) {
        this.admin = admin;
        this.call = new AdminCall(timeout);
        this.throttle = new ReplicationThrottle(timeout);
        this.describes =
                new RequestBatcher<>("topic-describe", this::describeAll, MAX_BATCH, QUEUE, LINGER);
        this.creates =
                new RequestBatcher<>(
                        "topic-create", this::createAll, MAX_BATCH, QUEUE, CREATE_LINGER);
    }

    public Admin admin() {
        return admin;
    }

    /** The topic as Kafka has it, or empty when it does not exist. */
    public Optional<ObservedTopic> describe(String topic)
            throws KafkaUnavailableException, InterruptedException {
        Described described = await(describes.submit(topic));
        if (described.error() != null) {
            throw new KafkaUnavailableException(described.error(), null);
        }
        return described.topic();
    }

    /** The registered brokers and their racks, asked at most every few seconds. */
    public Map<Integer, Optional<String>> brokers()
            throws KafkaUnavailableException, InterruptedException {
        return brokers.get(
                () -> {
                    Map<Integer, Optional<String>> found = new TreeMap<>();
                    for (Node node : await(admin.describeCluster().nodes())) {
                        found.put(node.id(), Optional.ofNullable(node.rack()));
                    }
                    return found;
                });
    }

    public TopicWriteResult apply(TopicAction action) throws InterruptedException {
        try {
            if (action instanceof TopicAction.Create create) {
                return await(creates.submit(create));
            }
            if (action instanceof TopicAction.AlterConfig alter) {
                return alterConfig(alter);
            }
            if (action instanceof TopicAction.IncreasePartitions increase) {
                List<List<Integer>> assignments = new ArrayList<>(increase.assignments().values());
                await(
                        admin.createPartitions(
                                        Map.of(
                                                increase.topic(),
                                                NewPartitions.increaseTo(
                                                        increase.total(), assignments)))
                                .all());
                return TopicWriteResult.DONE;
            }
            if (action instanceof TopicAction.Reassign reassign) {
                Map<TopicPartition, Optional<NewPartitionReassignment>> moves = new HashMap<>();
                reassign.assignments()
                        .forEach(
                                (partition, replicas) ->
                                        moves.put(
                                                new TopicPartition(reassign.topic(), partition),
                                                Optional.of(
                                                        new NewPartitionReassignment(replicas))));
                await(admin.alterPartitionReassignments(moves).all());
                reassigningTopics.invalidate();
                return TopicWriteResult.DONE;
            }
            throw new IllegalArgumentException("unknown action " + action);
        } catch (KafkaUnavailableException e) {
            return classify(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Creates the topic without waiting: the first call queues the creation (in the next batched
     * createTopics) and returns empty, and {@code whenAnswered} runs once Kafka has answered; a
     * later call returns the answer (once) or, while there is none, empty again. Waits only while
     * the batching queue is full.
     */
    public Optional<TopicWriteResult> createWithoutWaiting(
            TopicAction.Create create, Runnable whenAnswered) throws InterruptedException {
        CompletableFuture<TopicWriteResult> pending = pendingCreates.get(create.topic());
        if (pending != null) {
            if (!pending.isDone()) {
                return Optional.empty();
            }
            pendingCreates.remove(create.topic(), pending);
            try {
                return Optional.of(pending.join());
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return Optional.of(classify(cause));
            }
        }
        CompletableFuture<TopicWriteResult> answer = new CompletableFuture<>();
        pendingCreates.put(create.topic(), answer);
        creates.submit(create)
                .whenComplete(
                        (result, error) -> {
                            if (error != null) {
                                answer.completeExceptionally(error);
                            } else {
                                answer.complete(result);
                            }
                            whenAnswered.run();
                        });
        return Optional.empty();
    }

    /** Whether a creation of the topic was queued and Kafka has not answered it yet. */
    public boolean creationPending(String topic) {
        CompletableFuture<TopicWriteResult> pending = pendingCreates.get(topic);
        return pending != null && !pending.isDone();
    }

    /** Forgets a creation nobody will ask about any more (its resource is gone). */
    public void forgetCreation(String topic) {
        pendingCreates.remove(topic);
    }

    /**
     * Whether replicas of the topic are still moving; one listing of all reassignments serves every
     * topic for a couple of seconds, and a topic this operator just reassigned is asked about
     * afresh.
     */
    public boolean reassigning(String topic)
            throws KafkaUnavailableException, InterruptedException {
        return reassigningTopics
                .get(
                        () -> {
                            java.util.Set<String> moving = new java.util.HashSet<>();
                            await(admin.listPartitionReassignments().reassignments())
                                    .keySet()
                                    .forEach(tp -> moving.add(tp.topic()));
                            return moving;
                        })
                .contains(topic);
    }

    /**
     * Throttles the replicas that a reassignment of the topic from {@code current} will copy, at
     * {@code bytesPerSecond} on every broker, before the reassignment starts.
     */
    public void throttle(
            TopicAction.Reassign reassign, List<List<Integer>> current, long bytesPerSecond)
            throws KafkaUnavailableException, InterruptedException {
        ThrottledReplicas replicas = ThrottledReplicas.of(current, reassign.assignments());
        if (replicas.isEmpty()) {
            return;
        }
        throttle.limitBrokers(admin, brokers().keySet(), bytesPerSecond);
        throttle.limitTopic(admin, reassign.topic(), replicas);
    }

    /**
     * Removes a finished reassignment's throttle from the topic, and the brokers' rates once no
     * reassignment at all is left in the cluster (the cluster reconciler removes rates that outlive
     * their reassignments, say after an operator restart at the wrong moment).
     */
    public void releaseThrottle(String topic, java.util.Set<String> keys)
            throws KafkaUnavailableException, InterruptedException {
        throttle.releaseTopic(admin, topic, keys);
        reassigningTopics.invalidate();
        if (await(admin.listPartitionReassignments().reassignments()).isEmpty()) {
            throttle.releaseBrokers(admin, brokers().keySet());
        }
    }

    public TopicWriteResult delete(String topic) throws InterruptedException {
        try {
            await(admin.deleteTopics(List.of(topic)).all());
            return TopicWriteResult.DONE;
        } catch (KafkaUnavailableException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                return TopicWriteResult.DONE;
            }
            return classify(cause);
        }
    }

    private TopicWriteResult alterConfig(TopicAction.AlterConfig alter)
            throws KafkaUnavailableException, InterruptedException {
        List<AlterConfigOp> ops = new ArrayList<>();
        alter.set()
                .forEach(
                        (k, v) ->
                                ops.add(
                                        new AlterConfigOp(
                                                new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        alter.delete()
                .forEach(
                        k ->
                                ops.add(
                                        new AlterConfigOp(
                                                new ConfigEntry(k, null),
                                                AlterConfigOp.OpType.DELETE)));
        Map<ConfigResource, Collection<AlterConfigOp>> change =
                Map.of(new ConfigResource(ConfigResource.Type.TOPIC, alter.topic()), ops);
        await(
                admin.incrementalAlterConfigs(change, new AlterConfigsOptions().validateOnly(true))
                        .all());
        await(admin.incrementalAlterConfigs(change).all());
        return TopicWriteResult.DONE;
    }

    private Map<String, Described> describeAll(List<String> topics) {
        Map<String, Described> answers = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> futures =
                admin.describeTopics(topics).topicNameValues();
        List<ConfigResource> existing = new ArrayList<>();
        Map<String, TopicDescription> descriptions = new HashMap<>();
        for (String topic : topics) {
            try {
                descriptions.put(topic, await(futures.get(topic)));
                existing.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            } catch (KafkaUnavailableException e) {
                answers.put(
                        topic,
                        e.getCause() instanceof UnknownTopicOrPartitionException
                                ? new Described(Optional.empty(), null)
                                : new Described(Optional.empty(), e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (existing.isEmpty()) {
            return answers;
        }
        Map<ConfigResource, Config> configs;
        try {
            configs = await(admin.describeConfigs(existing).all());
        } catch (KafkaUnavailableException e) {
            descriptions
                    .keySet()
                    .forEach(t -> answers.put(t, new Described(Optional.empty(), e.getMessage())));
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        descriptions.forEach(
                (topic, description) -> {
                    Map<String, String> set = new TreeMap<>();
                    java.util.Set<String> throttle = new java.util.TreeSet<>();
                    Config config =
                            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                    if (config != null) {
                        for (ConfigEntry entry : config.entries()) {
                            if (entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                                continue;
                            }
                            if (ThrottledReplicas.CONFIG_KEYS.contains(entry.name())) {
                                throttle.add(entry.name());
                            } else {
                                set.put(entry.name(), entry.value());
                            }
                        }
                    }
                    List<List<Integer>> replicas = new ArrayList<>();
                    for (TopicPartitionInfo partition : description.partitions()) {
                        replicas.add(partition.replicas().stream().map(Node::id).toList());
                    }
                    answers.put(
                            topic,
                            new Described(
                                    Optional.of(
                                            new ObservedTopic(
                                                    topic,
                                                    description.topicId().toString(),
                                                    replicas,
                                                    set,
                                                    throttle)),
                                    null));
                });
        return answers;
    }

    private Map<TopicAction.Create, TopicWriteResult> createAll(List<TopicAction.Create> creates) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicAction.Create create : creates) {
            topics.add(
                    new NewTopic(
                                    create.topic(),
                                    create.partitions(),
                                    create.replicationFactor().map(Integer::shortValue))
                            .configs(create.config()));
        }
        CreateTopicsResult result = admin.createTopics(topics);
        Map<String, KafkaFuture<Void>> futures = result.values();
        Map<TopicAction.Create, TopicWriteResult> answers = new HashMap<>();
        for (TopicAction.Create create : creates) {
            try {
                await(futures.get(create.topic()));
                answers.put(
                        create,
                        TopicWriteResult.created(
                                new TopicWriteResult.Created(
                                        await(result.topicId(create.topic())).toString(),
                                        await(result.numPartitions(create.topic())),
                                        await(result.replicationFactor(create.topic())))));
            } catch (KafkaUnavailableException e) {
                answers.put(create, classify(e.getCause() == null ? e : e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return answers;
    }

    /**
     * Kafka's refusals of what was asked are the user's to fix, except that a topic to be created
     * exists already; anything else may pass.
     */
    static TopicWriteResult classify(Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error instanceof TopicExistsException) {
            return TopicWriteResult.exists(message);
        }
        if (error instanceof ApiException && !(error instanceof RetriableException)) {
            return TopicWriteResult.refused(message);
        }
        return TopicWriteResult.retry(message);
    }

    private <T> T await(java.util.concurrent.Future<T> future)
            throws KafkaUnavailableException, InterruptedException {
        return call.get(future);
    }

    @Override
    public void close() {
        describes.close();
        creates.close();
    }
}
