package io.tributary.operator.topic;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.api.v1alpha1.topic.DeletionPolicy;
import io.tributary.api.v1alpha1.topic.KafkaTopic;
import io.tributary.api.v1alpha1.topic.KafkaTopicStatus;
import io.tributary.operator.cluster.ClusterChangesForDependents;
import io.tributary.operator.config.OperatorSettings;
import io.tributary.operator.kafka.AdminConnections;
import io.tributary.operator.kafka.KafkaAccess;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.kube.SpecOrIntentChanged;
import io.tributary.operator.kube.StatusWriter;
import io.tributary.operator.security.OperatorCredentialSecrets;
import io.tributary.operator.security.OperatorIdentity;
import io.tributary.operator.status.Problem;
import io.tributary.operator.status.StatusConditions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each KafkaTopic's topic in its cluster as the spec says: finds the cluster, settles which
 * resource owns a topic several name, asks the pure {@link TopicDiff} what to do, does it through
 * the batched {@link TopicAdmin}, and reports. A finalizer deletes the topic in Kafka under {@code
 * deletionPolicy: Delete}, and is released without Kafka when the cluster is gone.
 */
@ControllerConfiguration(
        name = "kafkatopic",
        generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrIntentChanged.class))
public class KafkaTopicReconciler implements Reconciler<KafkaTopic>, Cleaner<KafkaTopic> {
    /** {@code "false"} stops managing the topic, leaving it in Kafka as it is. */
    public static final String MANAGED = "kafka.tributary.io/managed";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicReconciler.class);
    private static final String BY_TOPIC = "by-kafka-topic";
    private static final String BY_CLUSTER = "by-cluster";
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * How soon a reconcile waiting for Kafka's answer to a creation looks again if no answer wakes
     * it: the answer normally does within a second.
     */
    private static final Duration ANSWER_EXPECTED = Duration.ofSeconds(30);

    private final OperatorSettings settings;
    private final EventPublisher events;
    private final Clock clock;
    private final TopicAdmins topicAdmins;
    private final TopicWriteEvents writes = new TopicWriteEvents();
    private IndexerResourceCache<KafkaTopic> topics;
    private InformerEventSource<KafkaCluster, KafkaTopic> clusters;
    private final OperatorCredentialSecrets<KafkaTopic> credentials =
            new OperatorCredentialSecrets<>();

    public KafkaTopicReconciler(
            OperatorSettings settings,
            AdminConnections admins,
            EventPublisher events,
            Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.topicAdmins = new TopicAdmins(admins, settings.kafkaTimeout());
    }

    @Override
    public List<EventSource<?, KafkaTopic>> prepareEventSources(
            EventSourceContext<KafkaTopic> context) {
        topics = context.getPrimaryCache();
        topics.addIndexers(
                Map.of(
                        BY_TOPIC, t -> List.of(TopicOwnership.key(t)),
                        BY_CLUSTER, t -> List.of(clusterKey(t))));
        var configuration =
                InformerEventSourceConfiguration.from(KafkaCluster.class, KafkaTopic.class)
                        .withName("clusters-of-topics")
                        .withOnUpdateFilter(ClusterChangesForDependents::concernDependents)
                        .withSecondaryToPrimaryMapper(
                                cluster ->
                                        topics
                                                .byIndex(
                                                        BY_CLUSTER,
                                                        cluster.getMetadata().getNamespace()
                                                                + "/"
                                                                + cluster.getMetadata().getName())
                                                .stream()
                                                .map(ResourceID::fromResource)
                                                .collect(Collectors.toSet()))
                        .build();
        clusters = new InformerEventSource<>(configuration, context);
        return List.of(clusters, writes, credentials.create(context));
    }

    @Override
    public UpdateControl<KafkaTopic> reconcile(KafkaTopic topic, Context<KafkaTopic> context)
            throws InterruptedException {
        org.slf4j.MDC.put(
                "resource",
                "kafkatopic/"
                        + topic.getMetadata().getNamespace()
                        + "/"
                        + topic.getMetadata().getName());
        try {
            String before = StatusWriter.before(topic.getStatus());
            return StatusWriter.carryOut(reconcileTopic(topic), before, context);
        } finally {
            org.slf4j.MDC.remove("resource");
        }
    }

    private UpdateControl<KafkaTopic> reconcileTopic(KafkaTopic topic) throws InterruptedException {
        KafkaTopicStatus status =
                topic.getStatus() == null ? new KafkaTopicStatus() : topic.getStatus();
        topic.setStatus(status);
        long generation = topic.getMetadata().getGeneration();
        String name = TopicOwnership.topicName(topic);
        status.setTopicName(name);
        Duration next = settings.resyncInterval();

        if (!isManaged(topic)) {
            StatusConditions.ready(
                    status,
                    generation,
                    "not managed (" + MANAGED + " is false); the topic is left as it is",
                    clock.instant());
            return UpdateControl.patchStatus(topic);
        }
        Optional<KafkaCluster> cluster = cluster(topic);
        Optional<KafkaTopic> owner =
                TopicOwnership.owner(topics.byIndex(BY_TOPIC, TopicOwnership.key(topic)));
        if (cluster.isEmpty()
                || cluster.get().getStatus() == null
                || cluster.get().getStatus().getClusterId() == null) {
            StatusConditions.progressing(
                    status,
                    generation,
                    cluster.isEmpty() ? "ClusterNotFound" : "ClusterNotReady",
                    "waiting for KafkaCluster %s in %s"
                            .formatted(
                                    topic.getSpec().getClusterRef().getName(),
                                    topic.getMetadata().getNamespace()),
                    clock.instant());
            next = WAIT;
        } else if (owner.isPresent()
                && !owner.get().getMetadata().getUid().equals(topic.getMetadata().getUid())) {
            Problem conflict =
                    new Problem(
                            "ResourceConflict",
                            "topic %s is managed by KafkaTopic %s, which named it first"
                                    .formatted(name, owner.get().getMetadata().getName()));
            events.warning(topic, conflict.reason(), conflict.message());
            StatusConditions.stalled(status, generation, conflict, clock.instant());
        } else {
            Optional<Duration> synced = sync(topic, cluster.get(), status, name, generation);
            if (synced.isEmpty()) {
                // Kafka has not answered the creation yet; its answer wakes this resource.
                return UpdateControl.<KafkaTopic>noUpdate().rescheduleAfter(ANSWER_EXPECTED);
            }
            next = synced.get();
        }
        return UpdateControl.patchStatus(topic).rescheduleAfter(next);
    }

    /**
     * Brings the topic in Kafka to the spec; returns when to look again, or empty while the
     * creation it started awaits Kafka's answer.
     */
    private Optional<Duration> sync(
            KafkaTopic topic,
            KafkaCluster cluster,
            KafkaTopicStatus status,
            String name,
            long generation)
            throws InterruptedException {
        try {
            TopicAdmin admin = topicAdmins.of(clusterKey(topic), access(cluster));
            // A topic this resource has never found in Kafka is most likely new: it is created
            // straight away and described only when Kafka says it exists (to be adopted), which
            // spares a burst of new topics a describeTopics and a describeConfigs each.
            boolean unseen = status.getTopicId() == null;
            Optional<Long> throttle =
                    Optional.ofNullable(cluster.getSpec().getRebalance())
                            .map(r -> r.getThrottleBytesPerSecond());
            return sync(topic, status, name, generation, admin, throttle, unseen);
        } catch (KafkaUnavailableException e) {
            StatusConditions.progressing(
                    status, generation, "KafkaUnavailable", e.getMessage(), clock.instant());
            return Optional.of(WAIT);
        }
    }

    /**
     * Plans and carries the plan out: from the topic as described, or, for an {@code unseen} topic
     * whose creation is a plan of its own ({@link TopicDiff#creation}), without describing it.
     */
    private Optional<Duration> sync(
            KafkaTopic topic,
            KafkaTopicStatus status,
            String name,
            long generation,
            TopicAdmin admin,
            Optional<Long> throttle,
            boolean unseen)
            throws KafkaUnavailableException, InterruptedException {
        DesiredTopic desired = TopicSpecs.desired(topic);
        Map<Integer, Optional<String>> brokers = admin.brokers();
        Optional<TopicPlan> creation =
                unseen ? TopicDiff.creation(desired, brokers) : Optional.empty();
        Optional<ObservedTopic> observed =
                creation.isPresent() ? Optional.empty() : admin.describe(name);
        TopicPlan plan = creation.orElseGet(() -> TopicDiff.plan(desired, observed, brokers));
        status.setDrift(plan.drift().isEmpty() ? null : plan.drift());
        observed.ifPresent(o -> report(status, o));
        if (plan.refused()) {
            Problem first = plan.refusals().get(0);
            String message =
                    plan.refusals().stream()
                            .map(Problem::message)
                            .collect(Collectors.joining("; "));
            events.warning(topic, first.reason(), message);
            StatusConditions.stalled(
                    status, generation, new Problem(first.reason(), message), clock.instant());
            return Optional.of(settings.resyncInterval());
        }
        if (observed.isPresent() && admin.reassigning(name)) {
            StatusConditions.progressing(
                    status, generation, "Reassigning", "replicas are moving", clock.instant());
            return Optional.of(WAIT);
        }
        if (observed.isPresent() && !observed.get().throttleKeys().isEmpty()) {
            admin.releaseThrottle(name, observed.get().throttleKeys());
            LOG.info("Topic {}: replicas moved, replication throttle removed", name);
        }
        Optional<TopicWriteResult.Created> lastCreated = Optional.empty();
        for (TopicAction action : plan.actions()) {
            if (action instanceof TopicAction.Reassign reassign
                    && observed.isPresent()
                    && throttle.isPresent()) {
                admin.throttle(reassign, observed.get().replicas(), throttle.get());
            }
            TopicWriteResult result;
            if (action instanceof TopicAction.Create create && creation.isPresent()) {
                ResourceID resource = ResourceID.fromResource(topic);
                Optional<TopicWriteResult> answered =
                        admin.createWithoutWaiting(create, () -> writes.wake(resource));
                if (answered.isEmpty()) {
                    return Optional.empty();
                }
                result = answered.get();
            } else {
                result = admin.apply(action);
            }
            if (result.outcome() == TopicWriteResult.Outcome.EXISTS && creation.isPresent()) {
                return sync(topic, status, name, generation, admin, throttle, false);
            }
            if (result.created().isPresent()) {
                lastCreated = result.created();
            }
            if (result.outcome() == TopicWriteResult.Outcome.REFUSED) {
                Problem refused = new Problem("KafkaRefused", "Kafka refused: " + result.message());
                events.warning(topic, refused.reason(), refused.message());
                StatusConditions.stalled(status, generation, refused, clock.instant());
                return Optional.of(settings.resyncInterval());
            }
            if (result.outcome() == TopicWriteResult.Outcome.RETRY) {
                StatusConditions.progressing(
                        status, generation, "KafkaUnavailable", result.message(), clock.instant());
                return Optional.of(WAIT);
            }
            if (result.outcome() == TopicWriteResult.Outcome.EXISTS) {
                // Described as absent a moment ago: it appeared meanwhile; look again.
                StatusConditions.progressing(
                        status, generation, "Updating", result.message(), clock.instant());
                return Optional.of(WAIT);
            }
            LOG.info("Topic {}: {}", name, TopicActions.describe(action));
            if (!(action instanceof TopicAction.Create)) {
                // A creation shows in the status; an event each for thousands of new topics
                // would be a write each and noise in the namespace.
                events.normal(topic, TopicActions.reason(action), TopicActions.describe(action));
            }
        }
        if (lastCreated.isPresent()) {
            // Kafka said what it created; describing the new topic again would double the cost
            // of creating thousands of topics.
            status.setTopicId(lastCreated.get().topicId());
            status.setPartitions(lastCreated.get().partitions());
            status.setReplicationFactor(lastCreated.get().replicationFactor());
            status.setDrift(null);
        } else if (!plan.actions().isEmpty()) {
            Optional<ObservedTopic> after = admin.describe(name);
            after.ifPresent(o -> report(status, o));
            TopicPlan remaining = TopicDiff.plan(desired, after, brokers);
            status.setDrift(null);
            if (!remaining.inSync() || (after.isPresent() && admin.reassigning(name))) {
                StatusConditions.progressing(
                        status,
                        generation,
                        "Updating",
                        "the topic is being changed",
                        clock.instant());
                return Optional.of(WAIT);
            }
        }
        StatusConditions.ready(status, generation, "the topic is as specified", clock.instant());
        return Optional.of(settings.resyncInterval());
    }

    @Override
    public DeleteControl cleanup(KafkaTopic topic, Context<KafkaTopic> context)
            throws InterruptedException {
        String name = TopicOwnership.topicName(topic);
        Optional<KafkaCluster> cluster = cluster(topic);
        if (!isManaged(topic)
                || topic.getSpec().getDeletionPolicy() == DeletionPolicy.RETAIN
                || cluster.isEmpty()
                || cluster.get().getMetadata().getDeletionTimestamp() != null) {
            return DeleteControl.defaultDelete();
        }
        Optional<KafkaTopic> owner =
                TopicOwnership.owner(topics.byIndex(BY_TOPIC, TopicOwnership.key(topic)));
        if (owner.isPresent()
                && !owner.get().getMetadata().getUid().equals(topic.getMetadata().getUid())) {
            return DeleteControl.defaultDelete();
        }
        TopicWriteResult result;
        try {
            TopicAdmin admin = topicAdmins.of(clusterKey(topic), access(cluster.get()));
            if (admin.creationPending(name)) {
                // Deleting now could come before the batched creation and leave the topic behind.
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(1));
            }
            admin.forgetCreation(name);
            result = admin.delete(name);
        } catch (KafkaUnavailableException e) {
            result = TopicWriteResult.retry(e.getMessage());
        }
        if (result.done()) {
            LOG.info("Deleted topic {}", name);
            events.normal(topic, "Deleted", "deleted topic " + name + " in Kafka");
            return DeleteControl.defaultDelete();
        }
        LOG.info("Could not delete topic {} yet: {}", name, result.message());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(WAIT);
    }

    /** How to reach the cluster's brokers: plainly, or with the operator's credentials there. */
    private KafkaAccess access(KafkaCluster cluster) throws KafkaUnavailableException {
        String namespace = cluster.getMetadata().getNamespace();
        return OperatorIdentity.access(
                        cluster, settings.clusterDomain(), name -> credentials.get(namespace, name))
                .orElseThrow(
                        () ->
                                new KafkaUnavailableException(
                                        "the operator's credentials for the cluster are not"
                                                + " there yet",
                                        null));
    }

    private Optional<KafkaCluster> cluster(KafkaTopic topic) {
        return clusters.get(
                new ResourceID(
                        topic.getSpec().getClusterRef().getName(),
                        topic.getMetadata().getNamespace()));
    }

    private static void report(KafkaTopicStatus status, ObservedTopic observed) {
        status.setTopicId(observed.topicId());
        status.setPartitions(observed.partitions());
        status.setReplicationFactor(observed.replicationFactor());
    }

    static boolean isManaged(KafkaTopic topic) {
        Map<String, String> annotations = topic.getMetadata().getAnnotations();
        return annotations == null
                || !"false".equalsIgnoreCase(String.valueOf(annotations.get(MANAGED)).trim());
    }

    private static String clusterKey(KafkaTopic topic) {
        return topic.getMetadata().getNamespace() + "/" + topic.getSpec().getClusterRef().getName();
    }
}
