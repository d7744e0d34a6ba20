package io.tributary.sandbox.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox's endpoints controller: for every Service with a selector, an Endpoints object with
 * the addresses of its ready pods (and of the others as not ready, or as ready when the Service
 * publishes not-ready addresses), with named target ports resolved against the pods.
 */
public final class EndpointsController implements AutoCloseable {
    private final KubernetesClient client;
    private final ControlLoop loop;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Endpoints> endpoints;

    public EndpointsController(KubernetesClient client) {
        this.client = client;
        this.loop = new ControlLoop("endpoints", this::reconcile);
        this.services =
                client.services()
                        .inAnyNamespace()
                        .inform(
                                new InformerQueue<>(
                                        loop,
                                        s ->
                                                ControlLoop.key(
                                                        s.getMetadata().getNamespace(),
                                                        s.getMetadata().getName())),
                                0);
        this.endpoints = client.endpoints().inAnyNamespace().inform();
        this.pods =
                client.pods()
                        .inAnyNamespace()
                        .inform(
                                new io.fabric8.kubernetes.client.informers.ResourceEventHandler<
                                        Pod>() {
                                    @Override
                                    public void onAdd(Pod pod) {
                                        queueServicesOf(pod);
                                    }

                                    @Override
                                    public void onUpdate(Pod before, Pod pod) {
                                        queueServicesOf(pod);
                                    }

                                    @Override
                                    public void onDelete(Pod pod, boolean unknown) {
                                        queueServicesOf(pod);
                                    }
                                },
                                0);
    }

    private void queueServicesOf(Pod pod) {
        for (Service service : services.getStore().list()) {
            if (Objects.equals(
                            service.getMetadata().getNamespace(), pod.getMetadata().getNamespace())
                    && selects(service, pod)) {
                loop.enqueue(
                        ControlLoop.key(
                                service.getMetadata().getNamespace(),
                                service.getMetadata().getName()));
            }
        }
    }

    private void reconcile(String key) {
        Service service = services.getStore().getByKey(key);
        if (service == null
                || service.getSpec().getSelector() == null
                || service.getSpec().getSelector().isEmpty()) {
            return;
        }
        boolean publishNotReady =
                Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
        List<Pod> selected =
                pods.getStore().list().stream()
                        .filter(
                                p ->
                                        Objects.equals(
                                                p.getMetadata().getNamespace(),
                                                service.getMetadata().getNamespace()))
                        .filter(p -> selects(service, p))
                        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                        .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                        .toList();
        List<EndpointAddress> ready = new ArrayList<>();
        List<EndpointAddress> notReady = new ArrayList<>();
        for (Pod pod : selected) {
            EndpointAddress address = address(service, pod);
            if (publishNotReady || StatefulSetController.isReady(pod)) {
                ready.add(address);
            } else {
                notReady.add(address);
            }
        }
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            ports.add(
                    new EndpointPortBuilder()
                            .withName(port.getName())
                            .withPort(targetPort(port, selected))
                            .withProtocol(port.getProtocol() == null ? "TCP" : port.getProtocol())
                            .build());
        }
        Endpoints desired =
                new EndpointsBuilder()
                        .withNewMetadata()
                        .withName(service.getMetadata().getName())
                        .withNamespace(service.getMetadata().getNamespace())
                        .withLabels(service.getMetadata().getLabels())
                        .endMetadata()
                        .withSubsets(
                                ready.isEmpty() && notReady.isEmpty()
                                        ? List.of()
                                        : List.of(
                                                new EndpointSubsetBuilder()
                                                        .withAddresses(ready)
                                                        .withNotReadyAddresses(notReady)
                                                        .withPorts(ports)
                                                        .build()))
                        .build();
        Endpoints current = endpoints.getStore().getByKey(key);
        if (current == null) {
            client.endpoints()
                    .inNamespace(service.getMetadata().getNamespace())
                    .resource(desired)
                    .createOr(e -> e.update());
        } else if (!Objects.equals(current.getSubsets(), desired.getSubsets())) {
            desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            client.endpoints()
                    .inNamespace(service.getMetadata().getNamespace())
                    .resource(desired)
                    .update();
        }
    }

    private static EndpointAddress address(Service service, Pod pod) {
        EndpointAddressBuilder address =
                new EndpointAddressBuilder()
                        .withIp(pod.getStatus().getPodIP())
                        .withNodeName(pod.getSpec().getNodeName())
                        .withNewTargetRef()
                        .withKind("Pod")
                        .withName(pod.getMetadata().getName())
                        .withNamespace(pod.getMetadata().getNamespace())
                        .withUid(pod.getMetadata().getUid())
                        .endTargetRef();
        if (service.getMetadata().getName().equals(pod.getSpec().getSubdomain())) {
            address.withHostname(pod.getSpec().getHostname());
        }
        return address.build();
    }

    /** The port a Service port reaches on the pods: its target port, by number or by name. */
    static int targetPort(ServicePort port, List<Pod> pods) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort();
        }
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        for (Pod pod : pods) {
            for (Container container : pod.getSpec().getContainers()) {
                if (container.getPorts() == null) {
                    continue;
                }
                for (ContainerPort candidate : container.getPorts()) {
                    if (target.getStrVal().equals(candidate.getName())) {
                        return candidate.getContainerPort();
                    }
                }
            }
        }
        return port.getPort();
    }

    static boolean selects(Service service, Pod pod) {
        Map<String, String> selector = service.getSpec().getSelector();
        Map<String, String> labels = pod.getMetadata().getLabels();
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && selector.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @Override
    public void close() {
        services.close();
        pods.close();
        endpoints.close();
        loop.close();
    }
}
