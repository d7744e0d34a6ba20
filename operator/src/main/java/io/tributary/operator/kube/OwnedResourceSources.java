package io.tributary.operator.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.tributary.operator.cluster.model.ClusterLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Informers for what the operator creates for a primary resource (and the pods the StatefulSets
 * create), mapped back to the primary through the {@code kafka.tributary.io/cluster} label. They
 * wake the reconciler when something changes and serve reads from their caches; writes made by the
 * reconciler are put into the caches at once, so the next reconcile reads its own writes.
 */
public final class OwnedResourceSources<P extends HasMetadata> {
    public static final List<Class<? extends HasMetadata>> TYPES =
            List.of(
                    StatefulSet.class,
                    Pod.class,
                    ConfigMap.class,
                    Service.class,
                    PodDisruptionBudget.class,
                    ServiceAccount.class,
                    Secret.class);

    private final Map<Class<?>, InformerEventSource<?, P>> sources = new LinkedHashMap<>();

    /** Creates the event sources; JOSDK registers and starts them. */
    public List<EventSource<?, P>> create(EventSourceContext<P> context) {
        List<EventSource<?, P>> created = new ArrayList<>();
        for (Class<? extends HasMetadata> type : TYPES) {
            InformerEventSource<?, P> source = informer(type, context);
            sources.put(type, source);
            created.add(source);
        }
        return created;
    }

    private <R extends HasMetadata> InformerEventSource<R, P> informer(
            Class<R> type, EventSourceContext<P> context) {
        var configuration =
                InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                        .withName(type.getSimpleName())
                        .withLabelSelector(ClusterLabels.MANAGED_BY + "=" + ClusterLabels.MANAGER)
                        .withSecondaryToPrimaryMapper(
                                resource -> {
                                    String cluster =
                                            resource.getMetadata()
                                                    .getLabels()
                                                    .get(ClusterLabels.CLUSTER);
                                    return cluster == null
                                            ? Set.of()
                                            : Set.of(
                                                    new ResourceID(
                                                            cluster,
                                                            resource.getMetadata().getNamespace()));
                                })
                        .build();
        return new InformerEventSource<>(configuration, context);
    }

    /** The resources of a type that belong to the primary. */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> List<R> list(Class<R> type, P primary) {
        InformerEventSource<R, P> source = (InformerEventSource<R, P>) sources.get(type);
        return List.copyOf(source.getSecondaryResources(primary));
    }

    /** The resource of this type and name in the primary's namespace. */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> Optional<R> get(Class<R> type, String namespace, String name) {
        InformerEventSource<R, P> source = (InformerEventSource<R, P>) sources.get(type);
        return source.get(new ResourceID(name, namespace));
    }

    /** Puts what the reconciler just wrote into the cache it reads from. */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> void remember(P primary, R written, R previous) {
        InformerEventSource<R, P> source =
                (InformerEventSource<R, P>) sources.get(written.getClass());
        if (source == null) {
            return;
        }
        ResourceID id = ResourceID.fromResource(written);
        if (previous == null) {
            source.handleRecentResourceCreate(id, written);
        } else {
            source.handleRecentResourceUpdate(id, written, previous);
        }
    }
}
