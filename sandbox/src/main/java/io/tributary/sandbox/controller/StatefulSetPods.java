package io.tributary.sandbox.controller;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods and claims a StatefulSet asks for, as the Kubernetes StatefulSet controller makes them:
 * pod {@code <set>-<ordinal>} from the template, with its hostname and subdomain for DNS and its
 * revision label, and claim {@code <template>-<pod>} per volume claim template.
 */
public final class StatefulSetPods {
    public static final String REVISION_LABEL = "controller-revision-hash";
    public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

    private StatefulSetPods() {}

    public static String podName(StatefulSet sts, int ordinal) {
        return sts.getMetadata().getName() + "-" + ordinal;
    }

    /** The ordinal of a pod of the set, or -1 when the name is not one of the set's. */
    public static int ordinal(StatefulSet sts, String podName) {
        String prefix = sts.getMetadata().getName() + "-";
        if (!podName.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static String claimName(PersistentVolumeClaim template, String podName) {
        return template.getMetadata().getName() + "-" + podName;
    }

    public static Pod pod(StatefulSet sts, int ordinal, String revision) {
        String name = podName(sts, ordinal);
        var template = Serialization.clone(sts.getSpec().getTemplate());
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(REVISION_LABEL, revision);
        labels.put(POD_NAME_LABEL, name);
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        List<Volume> volumes = new ArrayList<>();
        if (template.getSpec().getVolumes() != null) {
            volumes.addAll(template.getSpec().getVolumes());
        }
        for (PersistentVolumeClaim claim : claimTemplates(sts)) {
            volumes.add(
                    new VolumeBuilder()
                            .withName(claim.getMetadata().getName())
                            .withNewPersistentVolumeClaim()
                            .withClaimName(claimName(claim, name))
                            .endPersistentVolumeClaim()
                            .build());
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(sts.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(
                        template.getMetadata() == null
                                ? null
                                : template.getMetadata().getAnnotations())
                .withOwnerReferences(owner(sts))
                .endMetadata()
                .withSpec(template.getSpec())
                .editSpec()
                .withHostname(name)
                .withSubdomain(sts.getSpec().getServiceName())
                .withVolumes(volumes)
                .endSpec()
                .build();
    }

    /**
     * The claim of a pod for one claim template; owned by the set when it deletes claims with it.
     */
    public static PersistentVolumeClaim claim(
            StatefulSet sts, PersistentVolumeClaim template, String podName) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        if (sts.getSpec().getSelector() != null
                && sts.getSpec().getSelector().getMatchLabels() != null) {
            labels.putAll(sts.getSpec().getSelector().getMatchLabels());
        }
        PersistentVolumeClaimBuilder claim =
                new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName(claimName(template, podName))
                        .withNamespace(sts.getMetadata().getNamespace())
                        .withLabels(labels)
                        .endMetadata()
                        .withSpec(Serialization.clone(template.getSpec()));
        if (deletesClaimsWhen(sts, "whenDeleted")) {
            claim.editMetadata().withOwnerReferences(owner(sts)).endMetadata();
        }
        return claim.build();
    }

    public static List<PersistentVolumeClaim> claimTemplates(StatefulSet sts) {
        return sts.getSpec().getVolumeClaimTemplates() == null
                ? List.of()
                : sts.getSpec().getVolumeClaimTemplates();
    }

    /** Whether the set's claim retention policy deletes claims on this event. */
    public static boolean deletesClaimsWhen(StatefulSet sts, String event) {
        var policy = sts.getSpec().getPersistentVolumeClaimRetentionPolicy();
        if (policy == null) {
            return false;
        }
        String value =
                event.equals("whenDeleted") ? policy.getWhenDeleted() : policy.getWhenScaled();
        return "Delete".equals(value);
    }

    static OwnerReference owner(StatefulSet sts) {
        return new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("StatefulSet")
                .withName(sts.getMetadata().getName())
                .withUid(sts.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
