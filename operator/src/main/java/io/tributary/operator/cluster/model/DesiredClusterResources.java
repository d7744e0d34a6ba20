package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every Kubernetes resource a cluster needs, in the order they are applied (what pods mount or
 * resolve before the StatefulSets that create the pods), each owned by the KafkaCluster so that
 * deleting it deletes them.
 */
public final class DesiredClusterResources {
    private DesiredClusterResources() {}

    /**
     * @param dynamicKeys config keys Kafka applies at run time; they do not change the pods'
     *     revision
     */
    public static List<HasMetadata> build(ClusterModel model, Set<String> dynamicKeys) {
        List<HasMetadata> resources = new ArrayList<>();
        resources.add(NodeServiceAccountBuilder.build(model));
        for (NodePool pool : model.pools()) {
            resources.add(PoolConfigMapBuilder.build(model, pool));
            resources.add(PoolServiceBuilder.headless(model, pool));
        }
        for (ListenerSpec listener : model.spec().getListeners()) {
            resources.add(PoolServiceBuilder.bootstrap(model, listener));
        }
        for (NodePool pool : model.pools()) {
            resources.add(PoolDisruptionBudgetBuilder.build(model, pool));
        }
        for (NodePool pool : model.pools()) {
            resources.add(
                    NodePoolStatefulSetBuilder.build(
                            model,
                            pool,
                            PoolConfigMapBuilder.restartConfigHash(model, pool, dynamicKeys)));
        }
        resources.forEach(r -> r.getMetadata().setOwnerReferences(List.of(ownerReference(model))));
        return resources;
    }

    /** The reference that makes a resource the cluster's, deleted with it. */
    public static io.fabric8.kubernetes.api.model.OwnerReference ownerReference(
            ClusterModel model) {
        return new OwnerReferenceBuilder()
                .withApiVersion(model.cluster().getApiVersion())
                .withKind(model.cluster().getKind())
                .withName(model.name())
                .withUid(model.cluster().getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
