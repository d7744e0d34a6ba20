package io.tributary.sandbox.controller;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's StatefulSet controller: keeps pods {@code <set>-0..n-1} (all at once with {@code
 * Parallel}, one by one with {@code OrderedReady}), creates their claims from the claim templates
 * (claims outlive pods unless the retention policy says otherwise), scales down from the highest
 * ordinal, replaces out-of-date pods itself only under {@code RollingUpdate} (under {@code
 * OnDelete} a pod gets the new template when someone deletes it), and reports replicas and
 * revisions in the status.
 */
public final class StatefulSetController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatefulSetController.class);

    private final KubernetesClient client;
    private final ControlLoop loop;
    private final SharedIndexInformer<StatefulSet> sets;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;

    public StatefulSetController(KubernetesClient client) {
        this.client = client;
        this.loop = new ControlLoop("statefulsets", this::reconcile);
        this.sets =
                client.apps()
                        .statefulSets()
                        .inAnyNamespace()
                        .inform(
                                new InformerQueue<>(
                                        loop,
                                        s ->
                                                ControlLoop.key(
                                                        s.getMetadata().getNamespace(),
                                                        s.getMetadata().getName())),
                                0);
        this.pods =
                client.pods()
                        .inAnyNamespace()
                        .inform(
                                new InformerQueue<>(
                                        loop, p -> InformerQueue.controllerKey(p, "StatefulSet")),
                                0);
        this.claims = client.persistentVolumeClaims().inAnyNamespace().inform();
    }

    private void reconcile(String key) {
        StatefulSet sts = sets.getStore().getByKey(key);
        if (sts == null || sts.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        String revision =
                TemplateRevision.of(sts.getMetadata().getName(), sts.getSpec().getTemplate());
        ensureRevision(sts, revision);
        Map<Integer, Pod> owned = ownedPods(sts);
        int replicas = Objects.requireNonNullElse(sts.getSpec().getReplicas(), 1);
        boolean parallel = "Parallel".equals(sts.getSpec().getPodManagementPolicy());

        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            Pod pod = owned.get(ordinal);
            if (pod == null) {
                if (!parallel && !allReadyBelow(owned, ordinal)) {
                    break;
                }
                createPod(sts, ordinal, revision);
            } else if (!parallel && !isReady(pod)) {
                break;
            }
        }
        scaleDown(sts, owned, replicas, parallel);
        if (isRollingUpdate(sts)) {
            rollOne(sts, owned, replicas, revision);
        }
        writeStatus(sts, ownedPods(sts), revision);
    }

    private void ensureRevision(StatefulSet sts, String revision) {
        String namespace = sts.getMetadata().getNamespace();
        if (client.apps().controllerRevisions().inNamespace(namespace).withName(revision).get()
                != null) {
            return;
        }
        long number =
                client
                                .apps()
                                .controllerRevisions()
                                .inNamespace(namespace)
                                .list()
                                .getItems()
                                .stream()
                                .filter(
                                        r ->
                                                r.getMetadata()
                                                        .getName()
                                                        .startsWith(
                                                                sts.getMetadata().getName() + "-"))
                                .mapToLong(r -> r.getRevision() == null ? 0 : r.getRevision())
                                .max()
                                .orElse(0)
                        + 1;
        try {
            client.apps()
                    .controllerRevisions()
                    .inNamespace(namespace)
                    .resource(
                            new ControllerRevisionBuilder()
                                    .withNewMetadata()
                                    .withName(revision)
                                    .withNamespace(namespace)
                                    .withLabels(sts.getSpec().getSelector().getMatchLabels())
                                    .withOwnerReferences(StatefulSetPods.owner(sts))
                                    .endMetadata()
                                    .withRevision(number)
                                    .withData(sts.getSpec().getTemplate())
                                    .build())
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private Map<Integer, Pod> ownedPods(StatefulSet sts) {
        String uid = sts.getMetadata().getUid();
        return pods.getStore().list().stream()
                .filter(
                        p ->
                                Objects.equals(
                                        p.getMetadata().getNamespace(),
                                        sts.getMetadata().getNamespace()))
                .filter(
                        p ->
                                p.getMetadata().getOwnerReferences() != null
                                        && p.getMetadata().getOwnerReferences().stream()
                                                .anyMatch(o -> uid.equals(o.getUid())))
                .filter(p -> StatefulSetPods.ordinal(sts, p.getMetadata().getName()) >= 0)
                .collect(
                        Collectors.toMap(
                                p -> StatefulSetPods.ordinal(sts, p.getMetadata().getName()),
                                Function.identity(),
                                (a, b) -> a));
    }

    private void createPod(StatefulSet sts, int ordinal, String revision) {
        String podName = StatefulSetPods.podName(sts, ordinal);
        String namespace = sts.getMetadata().getNamespace();
        for (PersistentVolumeClaim template : StatefulSetPods.claimTemplates(sts)) {
            String claimName = StatefulSetPods.claimName(template, podName);
            if (claims.getStore().getByKey(ControlLoop.key(namespace, claimName)) == null
                    && client.persistentVolumeClaims()
                                    .inNamespace(namespace)
                                    .withName(claimName)
                                    .get()
                            == null) {
                client.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .resource(StatefulSetPods.claim(sts, template, podName))
                        .create();
            }
        }
        try {
            client.pods()
                    .inNamespace(namespace)
                    .resource(StatefulSetPods.pod(sts, ordinal, revision))
                    .create();
            LOG.debug("Created pod {}/{}", namespace, podName);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private void scaleDown(
            StatefulSet sts, Map<Integer, Pod> owned, int replicas, boolean parallel) {
        List<Integer> excess =
                owned.keySet().stream()
                        .filter(o -> o >= replicas)
                        .sorted(Comparator.reverseOrder())
                        .toList();
        for (int ordinal : excess) {
            Pod pod = owned.get(ordinal);
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                client.pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .delete();
            }
            if (!parallel) {
                break;
            }
        }
        if (StatefulSetPods.deletesClaimsWhen(sts, "whenScaled")) {
            deleteClaimsAbove(sts, replicas, owned);
        }
    }

    private void deleteClaimsAbove(StatefulSet sts, int replicas, Map<Integer, Pod> owned) {
        String namespace = sts.getMetadata().getNamespace();
        for (PersistentVolumeClaim template : StatefulSetPods.claimTemplates(sts)) {
            String prefix =
                    template.getMetadata().getName() + "-" + sts.getMetadata().getName() + "-";
            for (PersistentVolumeClaim claim : claims.getStore().list()) {
                String name = claim.getMetadata().getName();
                if (!namespace.equals(claim.getMetadata().getNamespace())
                        || !name.startsWith(prefix)) {
                    continue;
                }
                int ordinal = ordinalSuffix(name.substring(prefix.length()));
                if (ordinal >= replicas && !owned.containsKey(ordinal)) {
                    client.persistentVolumeClaims().inNamespace(namespace).withName(name).delete();
                }
            }
        }
    }

    private void rollOne(StatefulSet sts, Map<Integer, Pod> owned, int replicas, String revision) {
        if (owned.size() < replicas || owned.values().stream().anyMatch(p -> !isReady(p))) {
            return;
        }
        int partition =
                sts.getSpec().getUpdateStrategy().getRollingUpdate() == null
                                || sts.getSpec()
                                                .getUpdateStrategy()
                                                .getRollingUpdate()
                                                .getPartition()
                                        == null
                        ? 0
                        : sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition();
        owned.entrySet().stream()
                .filter(e -> e.getKey() >= partition && e.getKey() < replicas)
                .filter(
                        e ->
                                !revision.equals(
                                        e.getValue()
                                                .getMetadata()
                                                .getLabels()
                                                .get(StatefulSetPods.REVISION_LABEL)))
                .max(Map.Entry.comparingByKey())
                .ifPresent(
                        e ->
                                client.pods()
                                        .inNamespace(sts.getMetadata().getNamespace())
                                        .withName(e.getValue().getMetadata().getName())
                                        .delete());
    }

    private void writeStatus(StatefulSet sts, Map<Integer, Pod> owned, String revision) {
        int ready = (int) owned.values().stream().filter(StatefulSetController::isReady).count();
        int updated =
                (int)
                        owned.values().stream()
                                .filter(
                                        p ->
                                                revision.equals(
                                                        p.getMetadata()
                                                                .getLabels()
                                                                .get(
                                                                        StatefulSetPods
                                                                                .REVISION_LABEL)))
                                .count();
        int replicas = Objects.requireNonNullElse(sts.getSpec().getReplicas(), 1);
        StatefulSetStatus previous = sts.getStatus();
        String current =
                updated == owned.size() && owned.size() >= replicas
                        ? revision
                        : previous != null && previous.getCurrentRevision() != null
                                ? previous.getCurrentRevision()
                                : revision;
        StatefulSetStatus status =
                new StatefulSetStatusBuilder()
                        .withObservedGeneration(sts.getMetadata().getGeneration())
                        .withReplicas(owned.size())
                        .withReadyReplicas(ready)
                        .withAvailableReplicas(ready)
                        .withCurrentReplicas(
                                current.equals(revision) ? updated : owned.size() - updated)
                        .withUpdatedReplicas(updated)
                        .withCurrentRevision(current)
                        .withUpdateRevision(revision)
                        .withCollisionCount(0)
                        .build();
        if (status.equals(previous)) {
            return;
        }
        StatefulSet copy =
                new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(sts)
                        .withStatus(status)
                        .build();
        client.apps()
                .statefulSets()
                .inNamespace(sts.getMetadata().getNamespace())
                .resource(copy)
                .updateStatus();
    }

    private static boolean allReadyBelow(Map<Integer, Pod> owned, int ordinal) {
        for (int i = 0; i < ordinal; i++) {
            Pod pod = owned.get(i);
            if (pod == null || !isReady(pod)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRollingUpdate(StatefulSet sts) {
        return sts.getSpec().getUpdateStrategy() == null
                || !"OnDelete".equals(sts.getSpec().getUpdateStrategy().getType());
    }

    static boolean isReady(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int ordinalSuffix(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        sets.close();
        pods.close();
        claims.close();
        loop.close();
    }
}
