package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's storage provisioner: every PersistentVolumeClaim gets a directory that outlives the
 * pods using it and is removed with the claim. Claims are reported Bound with the capacity they
 * asked for.
 */
public final class ClaimStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimStorage.class);

    private final Path root;
    private final KubernetesClient client;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;

    public ClaimStorage(KubernetesClient client, Path root) {
        this.client = client;
        this.root = root;
        this.claims =
                client.persistentVolumeClaims()
                        .inAnyNamespace()
                        .inform(
                                new ResourceEventHandler<>() {
                                    @Override
                                    public void onAdd(PersistentVolumeClaim claim) {
                                        provision(claim);
                                    }

                                    @Override
                                    public void onUpdate(
                                            PersistentVolumeClaim before,
                                            PersistentVolumeClaim claim) {
                                        provision(claim);
                                    }

                                    @Override
                                    public void onDelete(
                                            PersistentVolumeClaim claim, boolean unknown) {
                                        release(claim);
                                    }
                                },
                                0);
    }

    /** The directory of a claim, which exists once the claim is provisioned. */
    public Path directory(String namespace, String claim) {
        return root.resolve(namespace).resolve(claim);
    }

    public boolean isProvisioned(String namespace, String claim) {
        return Files.isDirectory(directory(namespace, claim));
    }

    private void provision(PersistentVolumeClaim claim) {
        if (claim.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        try {
            Files.createDirectories(
                    directory(claim.getMetadata().getNamespace(), claim.getMetadata().getName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
            try {
                client.persistentVolumeClaims()
                        .inNamespace(claim.getMetadata().getNamespace())
                        .withName(claim.getMetadata().getName())
                        .editStatus(
                                c -> {
                                    c.setStatus(
                                            new PersistentVolumeClaimStatusBuilder()
                                                    .withPhase("Bound")
                                                    .withAccessModes(c.getSpec().getAccessModes())
                                                    .withCapacity(
                                                            c.getSpec().getResources() == null
                                                                    ? null
                                                                    : c.getSpec()
                                                                            .getResources()
                                                                            .getRequests())
                                                    .build());
                                    return c;
                                });
            } catch (RuntimeException e) {
                LOG.debug(
                        "Could not mark claim {} bound: {}",
                        claim.getMetadata().getName(),
                        e.getMessage());
            }
        }
    }

    private void release(PersistentVolumeClaim claim) {
        Path directory =
                directory(claim.getMetadata().getNamespace(), claim.getMetadata().getName());
        Directories.deleteRecursively(directory);
        LOG.debug("Released claim {}", directory);
    }

    @Override
    public void close() {
        claims.close();
    }
}
