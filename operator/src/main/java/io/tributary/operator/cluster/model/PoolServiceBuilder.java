package io.tributary.operator.cluster.model;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.tributary.api.v1alpha1.cluster.ListenerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The Services of a cluster: a headless Service per pool, which gives every pod its DNS name (also
 * before it is ready, so that nodes find each other while the quorum forms), and a bootstrap
 * Service per listener, which reaches any ready broker.
 */
public final class PoolServiceBuilder {
    private PoolServiceBuilder() {}

    public static Service headless(ClusterModel model, NodePool pool) {
        List<ServicePort> ports = new ArrayList<>();
        if (pool.isController()) {
            ports.add(port("controller", NodePorts.CONTROLLER));
        }
        if (pool.isBroker()) {
            ports.add(port("replication", NodePorts.REPLICATION));
            for (ListenerSpec listener : model.spec().getListeners()) {
                ports.add(port(listener.getName(), listener.getPort()));
            }
        }
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(model.names().pool(pool))
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.pool(model.name(), pool))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(ClusterLabels.poolSelector(model.name(), pool))
                .withPorts(ports)
                .endSpec()
                .build();
    }

    public static Service bootstrap(ClusterModel model, ListenerSpec listener) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(model.names().bootstrapService(listener.getName()))
                .withNamespace(model.namespace())
                .withLabels(ClusterLabels.cluster(model.name()))
                .endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(ClusterLabels.brokerSelector(model.name()))
                .withPorts(port(listener.getName(), listener.getPort()))
                .endSpec()
                .build();
    }

    private static ServicePort port(String name, int port) {
        return new ServicePortBuilder()
                .withName(name)
                .withPort(port)
                .withNewTargetPort(port)
                .withProtocol("TCP")
                .build();
    }
}
