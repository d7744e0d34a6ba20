package io.tributary.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Every pod incarnation (uid) seen per pod name in a namespace, from a watch. */
final class PodHistory implements AutoCloseable {
    private final Map<String, Set<String>> uids = new LinkedHashMap<>();
    private final SharedIndexInformer<Pod> informer;

    PodHistory(KubernetesClient client, String namespace) {
        informer =
                client.pods()
                        .inNamespace(namespace)
                        .inform(
                                new ResourceEventHandler<>() {
                                    @Override
                                    public void onAdd(Pod pod) {
                                        record(pod);
                                    }

                                    @Override
                                    public void onUpdate(Pod old, Pod pod) {
                                        record(pod);
                                    }

                                    @Override
                                    public void onDelete(Pod pod, boolean unknown) {}
                                });
    }

    private synchronized void record(Pod pod) {
        uids.computeIfAbsent(pod.getMetadata().getName(), n -> new LinkedHashSet<>())
                .add(pod.getMetadata().getUid());
    }

    /** How many incarnations each pod had since this history began. */
    synchronized Map<String, Integer> incarnations() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        uids.forEach((name, set) -> counts.put(name, set.size()));
        return counts;
    }

    @Override
    public void close() {
        informer.close();
    }
}
