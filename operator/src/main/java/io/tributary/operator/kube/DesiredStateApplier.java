package io.tributary.operator.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates a resource so that it holds what the operator desires. It compares a hash of
 * the desired object, kept in an annotation, and never the stored object itself: the API server
 * adds defaults to what it stores, and chasing them would update forever. Fields the API server
 * assigns or forbids changing (a Service's cluster IP, a StatefulSet's selector and claim
 * templates) are kept from the stored object.
 */
public final class DesiredStateApplier {
    public static final String DESIRED_HASH = "kafka.tributary.io/desired-hash";

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** What an apply did. */
    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** The outcome of an apply: the change and the resource as stored afterwards. */
    public record Applied<R extends HasMetadata>(Change change, R resource) {}

    private final KubernetesClient client;

    public DesiredStateApplier(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param desired the object as the builders made it (gets the hash annotation)
     * @param actual the stored object, as the informer last saw it
     */
    public <R extends HasMetadata> Applied<R> apply(R desired, Optional<R> actual) {
        String hash = hash(desired);
        desired.getMetadata().getAnnotations().put(DESIRED_HASH, hash);
        if (actual.isEmpty()) {
            return new Applied<>(Change.CREATED, client.resource(desired).create());
        }
        R stored = actual.get();
        if (hash.equals(annotations(stored).get(DESIRED_HASH))) {
            return new Applied<>(Change.UNCHANGED, stored);
        }
        Map<String, String> mergedAnnotations = new LinkedHashMap<>(annotations(stored));
        mergedAnnotations.putAll(desired.getMetadata().getAnnotations());
        desired.getMetadata().setAnnotations(mergedAnnotations);
        desired.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
        keepServerOwnedFields(desired, stored);
        return new Applied<>(Change.UPDATED, client.resource(desired).update());
    }

    /** A hash of everything the operator sets on the object. */
    static String hash(HasMetadata desired) {
        Map<String, String> annotations = new LinkedHashMap<>(annotations(desired));
        annotations.remove(DESIRED_HASH);
        HasMetadata copy = Serialization.clone(desired);
        copy.getMetadata().setAnnotations(annotations);
        try {
            // Keys sorted: a Map.of's iteration order changes from one JVM to the next, and a
            // restarted operator must compute the same hash for the same object.
            Object tree = CANONICAL.readValue(Serialization.asJson(copy), Object.class);
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(tree));
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash " + desired.getKind(), e);
        }
    }

    private static Map<String, String> annotations(HasMetadata resource) {
        if (resource.getMetadata().getAnnotations() == null) {
            resource.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        return resource.getMetadata().getAnnotations();
    }

    private static void keepServerOwnedFields(HasMetadata desired, HasMetadata stored) {
        if (desired instanceof Service service && stored instanceof Service current) {
            service.getSpec().setClusterIP(current.getSpec().getClusterIP());
            service.getSpec().setClusterIPs(current.getSpec().getClusterIPs());
            service.getSpec().setIpFamilies(current.getSpec().getIpFamilies());
            service.getSpec().setIpFamilyPolicy(current.getSpec().getIpFamilyPolicy());
        } else if (desired instanceof StatefulSet sts && stored instanceof StatefulSet current) {
            sts.getSpec().setSelector(current.getSpec().getSelector());
            sts.getSpec().setServiceName(current.getSpec().getServiceName());
            sts.getSpec().setVolumeClaimTemplates(current.getSpec().getVolumeClaimTemplates());
            sts.getSpec().setPodManagementPolicy(current.getSpec().getPodManagementPolicy());
        }
    }
}
