package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's kube-proxy and cluster DNS for Services: a ClusterIP Service gets its own loopback
 * address, its DNS names, and a forwarder per port to its ready endpoints; a headless Service's
 * names resolve to its endpoints' addresses.
 */
public final class ServiceProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceProxy.class);

    private final KubernetesClient client;
    private final HostsFile hosts;
    private final String clusterDomain;
    private final LoopbackAddresses addresses;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Endpoints> endpoints;
    private final Map<String, List<TcpForwarder>> forwarders = new HashMap<>();
    private final Map<String, String> forwarded = new HashMap<>();

    public ServiceProxy(
            KubernetesClient client,
            HostsFile hosts,
            String clusterDomain,
            LoopbackAddresses addresses) {
        this.client = client;
        this.addresses = addresses;
        this.hosts = hosts;
        this.clusterDomain = clusterDomain;
        this.endpoints =
                client.endpoints().inAnyNamespace().inform(handler(this::refreshByEndpoints), 0);
        this.services = client.services().inAnyNamespace().inform(handler(this::refresh), 0);
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> ResourceEventHandler<T> handler(
            java.util.function.Consumer<String> onChange) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                onChange.accept(key(obj));
            }

            @Override
            public void onUpdate(T before, T obj) {
                onChange.accept(key(obj));
            }

            @Override
            public void onDelete(T obj, boolean unknown) {
                onChange.accept(key(obj));
            }
        };
    }

    private void refreshByEndpoints(String key) {
        if (services != null) {
            refresh(key);
        }
    }

    private synchronized void refresh(String key) {
        Service service = services.getStore().getByKey(key);
        if (service == null) {
            stop(key);
            hosts.remove("service:" + key);
            return;
        }
        String namespace = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        boolean headless = "None".equals(service.getSpec().getClusterIP());
        List<String> targets =
                headless ? endpointAddresses(key) : List.of(addresses.addressOf(key));
        Map<String, List<String>> names = new HashMap<>();
        for (String dnsName : HostsFile.serviceNames(name, namespace, clusterDomain)) {
            names.put(dnsName, targets);
        }
        hosts.put("service:" + key, names);
        if (!headless) {
            String ports =
                    String.valueOf(
                            service.getSpec().getPorts().stream()
                                    .map(ServicePort::getPort)
                                    .toList());
            if (!ports.equals(forwarded.get(key))) {
                stop(key);
                start(key, service);
                forwarded.put(key, ports);
            }
            assignClusterIp(service, addresses.addressOf(key));
        }
    }

    private void start(String key, Service service) {
        String address = addresses.addressOf(key);
        List<TcpForwarder> started = new ArrayList<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            try {
                started.add(
                        new TcpForwarder(address, port.getPort(), () -> endpointsFor(key, port)));
            } catch (IOException e) {
                LOG.warn(
                        "Cannot listen on {}:{} for service {}: {}",
                        address,
                        port.getPort(),
                        key,
                        e.getMessage());
            }
        }
        forwarders.put(key, started);
    }

    private void stop(String key) {
        List<TcpForwarder> running = forwarders.remove(key);
        if (running != null) {
            running.forEach(TcpForwarder::close);
        }
        forwarded.remove(key);
    }

    private List<InetSocketAddress> endpointsFor(String key, ServicePort port) {
        Endpoints current = endpoints.getStore().getByKey(key);
        List<InetSocketAddress> targets = new ArrayList<>();
        if (current == null || current.getSubsets() == null) {
            return targets;
        }
        for (EndpointSubset subset : current.getSubsets()) {
            Integer target =
                    subset.getPorts().stream()
                            .filter(
                                    p ->
                                            Objects.equals(p.getName(), port.getName())
                                                    || subset.getPorts().size() == 1)
                            .map(EndpointPort::getPort)
                            .findFirst()
                            .orElse(null);
            if (target == null || subset.getAddresses() == null) {
                continue;
            }
            for (EndpointAddress address : subset.getAddresses()) {
                targets.add(new InetSocketAddress(address.getIp(), target));
            }
        }
        return targets;
    }

    private List<String> endpointAddresses(String key) {
        Endpoints current = endpoints.getStore().getByKey(key);
        List<String> ips = new ArrayList<>();
        if (current != null && current.getSubsets() != null) {
            current.getSubsets()
                    .forEach(
                            s -> {
                                if (s.getAddresses() != null) {
                                    s.getAddresses().forEach(a -> ips.add(a.getIp()));
                                }
                            });
        }
        return ips;
    }

    private void assignClusterIp(Service service, String address) {
        String current = service.getSpec().getClusterIP();
        if (current != null && !current.isEmpty()) {
            return;
        }
        try {
            client.services()
                    .inNamespace(service.getMetadata().getNamespace())
                    .withName(service.getMetadata().getName())
                    .edit(
                            s -> {
                                if (s.getSpec().getClusterIP() == null
                                        || s.getSpec().getClusterIP().isEmpty()) {
                                    s.getSpec().setClusterIP(address);
                                    s.getSpec().setClusterIPs(List.of(address));
                                }
                                return s;
                            });
        } catch (RuntimeException e) {
            LOG.debug(
                    "Could not record the cluster IP of {}: {}",
                    service.getMetadata().getName(),
                    e.getMessage());
        }
    }

    private static String key(io.fabric8.kubernetes.api.model.HasMetadata obj) {
        return obj.getMetadata().getNamespace() + "/" + obj.getMetadata().getName();
    }

    @Override
    public synchronized void close() {
        services.close();
        endpoints.close();
        List.copyOf(forwarders.keySet()).forEach(this::stop);
    }
}
