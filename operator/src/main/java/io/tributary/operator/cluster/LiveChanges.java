package io.tributary.operator.cluster;

import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.ServerPropertiesTemplate;
import io.tributary.operator.config.DynamicBrokerConfigs;
import io.tributary.operator.kafka.AdminCall;
import io.tributary.operator.kafka.DynamicConfigApplier;
import io.tributary.operator.kafka.DynamicConfigDiff;
import io.tributary.operator.kafka.KafkaObservation;
import io.tributary.operator.kafka.KafkaUnavailableException;
import io.tributary.operator.kafka.MetadataVersionFinalizer;
import io.tributary.operator.kafka.ReplicationThrottle;
import io.tributary.operator.kube.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes made to a running cluster through the Admin API rather than its pods: broker configs
 * Kafka changes at run time, and the finalised metadata.version after an upgrade.
 */
final class LiveChanges {
    private static final Logger LOG = LoggerFactory.getLogger(LiveChanges.class);

    private final DynamicConfigApplier dynamicConfig;
    private final MetadataVersionFinalizer metadataVersion;
    private final ReplicationThrottle throttle;
    private final AdminCall call;
    private final EventPublisher events;

    LiveChanges(Duration kafkaTimeout, EventPublisher events) {
        this.dynamicConfig = new DynamicConfigApplier(kafkaTimeout);
        this.metadataVersion = new MetadataVersionFinalizer(kafkaTimeout);
        this.throttle = new ReplicationThrottle(kafkaTimeout);
        this.call = new AdminCall(kafkaTimeout);
        this.events = events;
    }

    /**
     * Removes replication rates from the brokers once no reassignment runs: the reconciler that
     * moved replicas removes them when it is done, and this catches those it could not (an operator
     * stopped between the end of a move and the removal). Writes nothing when none is set.
     */
    void releaseIdleThrottle(KafkaCluster cluster, Admin admin, KafkaObservation kafka)
            throws KafkaUnavailableException {
        try {
            if (!call.get(admin.listPartitionReassignments().reassignments()).isEmpty()) {
                return;
            }
            List<Integer> brokers = kafka.brokers().stream().map(b -> b.id()).toList();
            if (throttle.releaseBrokers(admin, brokers)) {
                LOG.info("Removed replication throttle rates left on brokers {}", brokers);
                events.normal(
                        cluster,
                        "ThrottleRemoved",
                        "no replicas are moving: removed the brokers' replication throttle");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted", e);
        }
    }

    /**
     * Applies the cluster-wide configs Kafka can change at run time; they are not part of the pods'
     * restart hash, so changing them restarts nothing.
     */
    void applyDynamicConfig(KafkaCluster cluster, ClusterModel model, Admin admin)
            throws KafkaUnavailableException {
        Set<String> clusterWide = DynamicBrokerConfigs.clusterWide();
        Map<String, String> desired = new TreeMap<>();
        ServerPropertiesTemplate.properties(
                        model.spec(), model.brokerPool(), model.controllerQuorumAddresses())
                .forEach(
                        (key, value) -> {
                            if (clusterWide.contains(key) && !value.contains("${")) {
                                desired.put(key, value);
                            }
                        });
        DynamicConfigDiff diff = dynamicConfig.apply(admin, desired);
        if (!diff.isEmpty()) {
            String message = "applied without a restart: " + describe(diff);
            LOG.info("Broker config {}", message);
            events.normal(cluster, "ConfigApplied", message);
        }
    }

    /**
     * Raises metadata.version to what the spec asks once every node runs the spec's Kafka version;
     * returns whether it changed.
     */
    boolean finaliseMetadataVersion(KafkaCluster cluster, Admin admin)
            throws KafkaUnavailableException {
        String target = KafkaVersionChange.targetMetadataVersion(cluster.getSpec());
        Optional<String> previous = metadataVersion.finalise(admin, target);
        previous.ifPresent(
                p -> {
                    LOG.info("Finalised metadata.version {} (was {})", target, p);
                    events.normal(
                            cluster,
                            "MetadataVersionFinalised",
                            "metadata.version %s finalised (was %s)".formatted(target, p));
                });
        return previous.isPresent();
    }

    private static String describe(DynamicConfigDiff diff) {
        List<String> parts = new ArrayList<>();
        diff.set().forEach((k, v) -> parts.add(k + "=" + v));
        diff.delete().forEach(k -> parts.add(k + " removed"));
        return String.join(", ", parts);
    }
}
