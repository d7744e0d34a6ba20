package io.tributary.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's volumes as local directories: ConfigMaps and Secrets become files (rewritten when the
 * objects change, as a kubelet does), emptyDirs are fresh for each pod, and claims are the
 * directories {@link ClaimStorage} keeps across pods.
 */
public final class PodVolumes {
    private final Path podDirectory;
    private final ClaimStorage claims;
    private final VolumeSources sources;
    private final Map<String, Path> directories = new LinkedHashMap<>();

    public PodVolumes(Path podDirectory, ClaimStorage claims, VolumeSources sources) {
        this.podDirectory = podDirectory;
        this.claims = claims;
        this.sources = sources;
    }

    /**
     * Prepares every volume of the pod; returns why a volume cannot be prepared yet (a missing
     * ConfigMap, Secret or claim), or empty when all are ready.
     */
    public Optional<String> prepare(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        List<Volume> volumes =
                pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        for (Volume volume : volumes) {
            Path directory = podDirectory.resolve("volumes").resolve(volume.getName());
            if (volume.getConfigMap() != null) {
                Optional<ConfigMap> configMap =
                        sources.configMap(namespace, volume.getConfigMap().getName());
                if (configMap.isEmpty()) {
                    if (Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                        mkdirs(directory);
                    } else {
                        return Optional.of(
                                "configmap \"" + volume.getConfigMap().getName() + "\" not found");
                    }
                } else {
                    writeFiles(
                            directory,
                            configMapFiles(configMap.get()),
                            volume.getConfigMap().getItems());
                }
            } else if (volume.getSecret() != null) {
                Optional<Secret> secret =
                        sources.secret(namespace, volume.getSecret().getSecretName());
                if (secret.isEmpty()) {
                    if (Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                        mkdirs(directory);
                    } else {
                        return Optional.of(
                                "secret \"" + volume.getSecret().getSecretName() + "\" not found");
                    }
                } else {
                    writeFiles(directory, secretFiles(secret.get()), volume.getSecret().getItems());
                }
            } else if (volume.getPersistentVolumeClaim() != null) {
                String claim = volume.getPersistentVolumeClaim().getClaimName();
                if (!claims.isProvisioned(namespace, claim)) {
                    return Optional.of("persistentvolumeclaim \"" + claim + "\" is not bound");
                }
                directory = claims.directory(namespace, claim);
            } else {
                mkdirs(directory);
            }
            directories.put(volume.getName(), directory);
        }
        return Optional.empty();
    }

    /** The local directory of a volume, once prepared. */
    public Optional<Path> directory(String volume) {
        return Optional.ofNullable(directories.get(volume));
    }

    /** Deletes what belongs to this pod alone (everything but claims). */
    public void cleanUp() {
        Directories.deleteRecursively(podDirectory.resolve("volumes"));
    }

    private static Map<String, byte[]> configMapFiles(ConfigMap configMap) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (configMap.getData() != null) {
            configMap.getData().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (configMap.getBinaryData() != null) {
            configMap
                    .getBinaryData()
                    .forEach((k, v) -> files.put(k, Base64.getDecoder().decode(v)));
        }
        return files;
    }

    private static Map<String, byte[]> secretFiles(Secret secret) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> files.put(k, Base64.getDecoder().decode(v)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData()
                    .forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    private static void writeFiles(
            Path directory, Map<String, byte[]> files, List<KeyToPath> items) {
        mkdirs(directory);
        Map<String, byte[]> selected = new LinkedHashMap<>();
        if (items == null || items.isEmpty()) {
            selected.putAll(files);
        } else {
            for (KeyToPath item : items) {
                if (files.containsKey(item.getKey())) {
                    selected.put(item.getPath(), files.get(item.getKey()));
                }
            }
        }
        try {
            for (Map.Entry<String, byte[]> file : selected.entrySet()) {
                Path target = directory.resolve(file.getKey());
                if (Files.exists(target)
                        && java.util.Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(directory, ".update", ".tmp");
                Files.write(temporary, file.getValue());
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
