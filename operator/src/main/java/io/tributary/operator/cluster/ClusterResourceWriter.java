package io.tributary.operator.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tributary.api.v1alpha1.cluster.KafkaCluster;
import io.tributary.operator.cluster.model.ClusterModel;
import io.tributary.operator.cluster.model.ConfigChangeClassifier;
import io.tributary.operator.cluster.model.DesiredClusterResources;
import io.tributary.operator.cluster.model.NodePool;
import io.tributary.operator.cluster.model.PoolConfigMapBuilder;
import io.tributary.operator.cluster.model.ServerPropertiesTemplate;
import io.tributary.operator.config.DynamicBrokerConfigs;
import io.tributary.operator.kube.DesiredStateApplier;
import io.tributary.operator.kube.EventPublisher;
import io.tributary.operator.kube.OwnedResourceSources;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a cluster's desired Kubernetes resources, each only when what the operator owns of it
 * changed, with an event per creation or update, and says beforehand what a broker configuration
 * change will take.
 */
final class ClusterResourceWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterResourceWriter.class);

    private final KubernetesClient client;
    private final OwnedResourceSources<KafkaCluster> owned;
    private final EventPublisher events;

    ClusterResourceWriter(
            KubernetesClient client,
            OwnedResourceSources<KafkaCluster> owned,
            EventPublisher events) {
        this.client = client;
        this.owned = owned;
        this.events = events;
    }

    void write(KafkaCluster cluster, ClusterModel model) {
        announceConfigChanges(cluster, model);
        for (HasMetadata desired :
                DesiredClusterResources.build(model, DynamicBrokerConfigs.clusterWide())) {
            apply(cluster, desired);
        }
    }

    /** Writes resources built elsewhere (the certificates' Secrets), each only when it changed. */
    void write(KafkaCluster cluster, List<? extends HasMetadata> resources) {
        resources.forEach(r -> apply(cluster, r));
    }

    private void apply(KafkaCluster cluster, HasMetadata desired) {
        @SuppressWarnings("unchecked")
        Class<HasMetadata> type = (Class<HasMetadata>) desired.getClass();
        Optional<HasMetadata> actual =
                owned.get(
                        type,
                        desired.getMetadata().getNamespace(),
                        desired.getMetadata().getName());
        var applied = new DesiredStateApplier(client).apply(desired, actual);
        if (applied.change() != DesiredStateApplier.Change.UNCHANGED) {
            owned.remember(cluster, applied.resource(), actual.orElse(null));
            String what = desired.getKind() + " " + desired.getMetadata().getName();
            LOG.info(
                    "{} {}",
                    applied.change() == DesiredStateApplier.Change.CREATED ? "Created" : "Updated",
                    what);
            events.normal(
                    cluster,
                    applied.change() == DesiredStateApplier.Change.CREATED ? "Created" : "Updated",
                    (applied.change() == DesiredStateApplier.Change.CREATED
                                    ? "created "
                                    : "updated ")
                            + what);
        }
    }

    /**
     * Says, before applying a changed broker configuration, what it will take: an update of the
     * running brokers or a rolling restart, and for which keys.
     */
    private void announceConfigChanges(KafkaCluster cluster, ClusterModel model) {
        for (NodePool pool : model.pools()) {
            Optional<ConfigMap> running =
                    owned.get(ConfigMap.class, model.namespace(), model.names().configMap(pool));
            String text =
                    running.map(ConfigMap::getData)
                            .map(d -> d.get(PoolConfigMapBuilder.SERVER_PROPERTIES))
                            .orElse(null);
            if (text == null) {
                continue;
            }
            var change =
                    ConfigChangeClassifier.classify(
                            ConfigChangeClassifier.parse(text),
                            ServerPropertiesTemplate.properties(
                                    model.spec(), pool, model.controllerQuorumAddresses()),
                            DynamicBrokerConfigs.clusterWide());
            if (change.action() != ConfigChangeClassifier.Action.NONE) {
                String message = "%s pool: %s".formatted(pool.name(), change.describe());
                LOG.info("Broker config change, {}", message);
                events.normal(cluster, "ConfigChanged", message);
            }
        }
    }
}
